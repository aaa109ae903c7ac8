import * as React from "react";
import { Badge } from "@fluentui/react-components";
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

/** A verdict as a coloured badge with its Chinese word (colour is never the only cue). */
export function StatusBadge({ status }: { status: AnyStatus }) {
  return (
    <Badge appearance="tint" color={COLOR[status]} shape="rounded">
      {STATUS_TEXT[status]}
    </Badge>
  );
}

/** true → 达标, false → 未达标, null → 待定. */
export function PassBadge({ pass }: { pass: boolean | null }) {
  return <StatusBadge status={pass === null ? "pending" : pass ? "met" : "unmet"} />;
}
