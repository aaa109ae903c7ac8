/**
 * 设置: rule profile, 差异系数 rule (每项/综合) and the split switch. Unset fields mean "as the
 * workbook's 「评估标准」 sheet or the profile says"; 恢复默认 clears them.
 */
import { Button, Field, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RuleProfile } from "../../engine/types";
import type { PaneSettings } from "../appHost";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SettingsPanelProps {
  settings: PaneSettings;
  profiles: RuleProfile[];
  defaultProfile: RuleProfile;
  mode: "office" | "file";
  onChange(s: PaneSettings): void;
}

export function SettingsPanel({ settings, profiles, defaultProfile, mode, onChange }: SettingsPanelProps) {
  const s = useStyles();
  const profile = profiles.find((p) => p.id === settings.profileId) ?? defaultProfile;
  const split = settings.splitFacilities ?? profile.splitFacilities;
  return (
    <div className={s.root} data-testid="settings">
      <Field label="评估标准">
        <Select
          value={settings.profileId ?? ""}
          onChange={(_, d) => onChange({ ...settings, profileId: d.value || undefined })}
        >
          <option value="">默认：{defaultProfile.name}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="差异系数判定" hint="每项：七项指标的差异系数均不超过限值；综合：只看综合差异系数。">
        <Select
          value={settings.cvRule ?? ""}
          onChange={(_, d) =>
            onChange({ ...settings, cvRule: d.value === "each" || d.value === "composite" ? d.value : undefined })
          }
        >
          <option value="">按「评估标准」表（默认{profile.cvRule === "each" ? "每项" : "综合"}）</option>
          <option value="each">每项</option>
          <option value="composite">综合</option>
        </Select>
      </Field>
      <Switch
        checked={split}
        label="按加权学生数拆分一贯制、完全中学的校舍和设备"
        onChange={(_, d) => onChange({ ...settings, splitFacilities: d.checked })}
      />
      <Text className={s.small}>
        {mode === "office"
          ? "设置保存在本工作簿中，同事打开同一文件时使用相同规则。"
          : "设置仅在本页面中有效；工作簿中的「评估标准」表同样生效。"}
      </Text>
      <div>
        <Button onClick={() => onChange({})}>恢复默认</Button>
      </div>
    </div>
  );
}
