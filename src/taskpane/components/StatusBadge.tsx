import { Badge, makeStyles } from "@fluentui/react-components";
import { STATUS_TEXT } from "../model";

type AnyStatus = keyof typeof STATUS_TEXT;
const COLOR: Record<AnyStatus, "success" | "warning" | "danger" | "informative" | "subtle"> = {
  met: "success",
  basic: "warning",
  unmet: "danger",
  error: "danger",
  skipped: "subtle",
  pending: "informative",
};

const useStyles = makeStyles({ badge: { whiteSpace: "nowrap", flexShrink: 0 } });

/** A verdict as a coloured badge with its Chinese word (colour is never the only cue). */
export function StatusBadge({ status }: { status: AnyStatus }) {
  const s = useStyles();
  return (
    <Badge appearance="tint" color={COLOR[status]} shape="rounded" className={s.badge}>
      {STATUS_TEXT[status]}
    </Badge>
  );
}

/** true → 达标, false → 未达标, null → 待定. */
export function PassBadge({ pass }: { pass: boolean | null }) {
  return <StatusBadge status={pass === null ? "pending" : pass ? "met" : "unmet"} />;
}
