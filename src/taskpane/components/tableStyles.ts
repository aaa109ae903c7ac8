/** The pane's plain table look (概览, 与上年比较, 多县汇总): spread into each component's makeStyles. */
import { tokens } from "@fluentui/react-components";

export const TABLE_STYLES = {
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "3px 4px",
    whiteSpace: "nowrap",
  },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "3px 4px", verticalAlign: "top" },
} as const;
