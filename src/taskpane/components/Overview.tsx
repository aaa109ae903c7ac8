/**
 * 概览: the county verdict and what blocks it, 资源配置 per group, 差异系数 against the limits,
 * 政府保障程度, 教育质量, 社会认可度 and 一票否决.
 */
import { makeStyles, tokens, Text } from "@fluentui/react-components";
import { TABLE_STYLES } from "./tableStyles";
import type { ItemView, PaneModel } from "../model";
import { PassBadge, StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  section: { marginTop: "12px" },
  h: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "0 0 6px 0" },
  verdict: {
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  ...TABLE_STYLES,
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: "4px 0", paddingLeft: "18px" },
  group: { marginBottom: "8px" },
});

function ItemTable({ items, caption }: { items: ItemView[]; caption: string }) {
  const s = useStyles();
  if (!items.length) return null;
  return (
    <table className={s.table} aria-label={caption}>
      <thead>
        <tr>
          <th className={s.th} scope="col">指标</th>
          <th className={s.th} scope="col">数据</th>
          <th className={s.th} scope="col">结论</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.code} data-item={i.code}>
            <td className={s.td}>
              {/^\d+$/.test(i.code) ? `${i.code} ` : ""}
              {i.name}
              {i.requirement ? <div className={s.small}>要求：{i.requirement}</div> : null}
              {i.reason ? <div className={s.small}>{i.reason}</div> : null}
            </td>
            <td className={s.td}>{i.display}</td>
            <td className={s.td}>
              <StatusBadge status={i.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Overview({ model }: { model: PaneModel }) {
  const s = useStyles();
  const v = model.verdict;
  const verdictText =
    v.recognised === true ? "达到优质均衡要求" : v.recognised === false ? "尚未达到优质均衡要求" : "结论待定";
  return (
    <div data-testid="overview">
      <section className={s.verdict} aria-label="县域结论" data-testid="verdict">
        <Text weight="semibold" size={400}>
          县域结论：{verdictText}
        </Text>{" "}
        <PassBadge pass={v.recognised} />
        <div className={s.small}>
          {model.profileName}；差异系数规则：{model.cvRule === "each" ? "每项" : "综合"}；校舍设备拆分：
          {model.splitFacilities ? "是" : "否"}；学校 {model.schoolCount} 所
        </div>
        {v.blockers.length > 0 && (
          <>
            <Text weight="semibold">未达到的方面：</Text>
            <ul className={s.list} data-testid="blockers">
              {v.blockers.map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
          </>
        )}
        {v.pending.length > 0 && (
          <>
            <Text weight="semibold">待定事项：</Text>
            <ul className={s.list}>
              {v.pending.map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={s.section} aria-labelledby="h-resources">
        <h3 className={s.h} id="h-resources">
          资源配置
        </h3>
        {model.groups.length === 0 && <Text className={s.small}>没有参评的监测点。</Text>}
        {model.groups.map((g) => (
          <div key={g.section} data-group={g.section} className={s.group}>
            <Text weight="semibold" data-testid={`passing-${g.section}`}>
              {g.label}：达标学校 {g.passing}/{g.units} 所
            </Text>{" "}
            <PassBadge pass={g.passing === g.units} />
            <table className={s.table} aria-label={`${g.label}资源配置指标`}>
              <thead>
                <tr>
                  <th className={s.th} scope="col">指标</th>
                  <th className={`${s.th} ${s.num}`} scope="col">达标</th>
                  <th className={`${s.th} ${s.num}`} scope="col">基本达标</th>
                  <th className={`${s.th} ${s.num}`} scope="col">未达标</th>
                </tr>
              </thead>
              <tbody>
                {g.indicators.map((i) => (
                  <tr key={i.code} data-indicator={i.code}>
                    <td className={s.td}>
                      {i.code} {i.name}
                      {i.error > 0 ? <div className={s.small}>数据有误 {i.error}</div> : null}
                    </td>
                    <td className={`${s.td} ${s.num}`}>{i.met}</td>
                    <td className={`${s.td} ${s.num}`}>{i.basic}</td>
                    <td className={`${s.td} ${s.num} ${i.unmet > 0 ? s.fail : ""}`}>{i.unmet}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {model.exclusions.length > 0 && (
          <details>
            <summary className={s.small}>未参评 {model.exclusions.length} 个（原因）</summary>
            <ul className={s.list}>
              {model.exclusions.slice(0, 100).map((e, i) => (
                <li key={i} className={s.small}>
                  {e.school}：{e.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section className={s.section} aria-labelledby="h-cv">
        <h3 className={s.h} id="h-cv">
          差异系数
        </h3>
        {model.balance.map((b) => (
          <div key={b.section} data-balance={b.section} className={s.group}>
            <Text weight="semibold">
              {b.label}（{b.unitCount} 个监测点，限值 ≤ {b.limit}，按{b.rule === "each" ? "每项" : "综合"}）
            </Text>{" "}
            <PassBadge pass={b.pass} />
            {b.reason ? <div className={s.small}>{b.reason}</div> : null}
            <table className={s.table} aria-label={`${b.label}差异系数`}>
              <thead>
                <tr>
                  <th className={s.th} scope="col">指标</th>
                  <th className={`${s.th} ${s.num}`} scope="col">差异系数</th>
                  <th className={s.th} scope="col">结论</th>
                </tr>
              </thead>
              <tbody>
                {b.rows.map((r) => (
                  <tr key={r.code} data-cv={r.code}>
                    <td className={s.td}>
                      {r.code === "composite" ? "" : `${r.code} `}
                      {r.name}
                    </td>
                    <td className={`${s.td} ${s.num} ${r.withinLimit === false ? s.fail : ""}`}>{r.cv}</td>
                    <td className={s.td}>{r.withinLimit === null ? "—" : r.withinLimit ? "符合" : "超出"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section className={s.section} aria-labelledby="h-gov">
        <h3 className={s.h} id="h-gov">
          政府保障程度
        </h3>
        <ItemTable items={model.government} caption="政府保障程度" />
      </section>
      <section className={s.section} aria-labelledby="h-quality">
        <h3 className={s.h} id="h-quality">
          教育质量
        </h3>
        <ItemTable items={model.quality} caption="教育质量" />
      </section>
      <section className={s.section} aria-labelledby="h-recog">
        <h3 className={s.h} id="h-recog">
          社会认可度与一票否决
        </h3>
        <ItemTable items={[...model.recognition, ...model.veto]} caption="社会认可度与一票否决" />
      </section>
      {model.skipped.length > 0 && (
        <section className={s.section} aria-labelledby="h-skipped">
          <h3 className={s.h} id="h-skipped">
            未评的检查
          </h3>
          <ul className={s.list}>
            {model.skipped.map((k, i) => (
              <li key={i} className={s.small}>
                {k.code}：{k.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
