/**
 * Shortfalls: every place where a school falls short (indicator 101–107 of an included unit, or a
 * per-school check 203/204/205/304), with the requirement, what it takes, and the input cell that
 * feeds it. One list serves the highlights, the 「问题清单」 sheet and the 需改进 texts, so they
 * always agree. Host-neutral and pure.
 */
import { fixed, num, percent } from "../engine/format";
import { ceilTo } from "../engine/math";
import { INDICATOR_CODES, SECTION_LABEL } from "../engine/types";
import { unitIndicator, unitStatus } from "../engine/results";
import type { Assessment, CheckStatus, SchoolField, Section, Status, UnitResult } from "../engine/types";
import type { ReadResult } from "./contract";
import { a1 } from "./text";

export interface Shortfall {
  schoolIndex: number;
  school: string;
  section: Section | null;
  /** "101" … "107", "203", "204", "205", "304". */
  code: string;
  /** Item name as shown, e.g. "骨干教师（人/百生）". */
  item: string;
  /** The figure (unrounded number, or a short text for 203). */
  value: number | string | null;
  /** Excel number format for value. */
  valueFormat: string;
  requirement: string;
  status: "basic" | "unmet";
  /** What it takes, e.g. "需增加骨干教师 2 人". */
  action: string;
  /** The input cell of 「学校数据」 that feeds the shortfall (A1, without the sheet), if known. */
  cell: string | null;
}

function isShort(s: Status | CheckStatus): s is "basic" | "unmet" {
  return s === "basic" || s === "unmet";
}

/** Lists every shortfall in school order (sections, then indicators, then checks). */
export function listShortfalls(assessment: Assessment, read: ReadResult): Shortfall[] {
  const { layout, dataset } = read;
  const profile = assessment.profile;
  const cellOf = (schoolIndex: number, field: SchoolField): string | null => {
    const col = layout.columns[field];
    const row = layout.schoolRows[schoolIndex];
    return col === undefined || row === undefined || row < 0 ? null : a1(row, col);
  };

  // The same few requirement texts recur for thousands of shortfalls: build each once.
  const requirements = new Map<number, string>();
  const requirementOf = (t: number): string => {
    let text = requirements.get(t);
    if (text === undefined) requirements.set(t, (text = `≥${num(t)}（基本达标≥${num(t * profile.basicRatio, 3)}）`));
    return text;
  };

  const bySchool = new Map<number, Shortfall[]>();
  const push = (s: Shortfall) => {
    let list = bySchool.get(s.schoolIndex);
    if (!list) bySchool.set(s.schoolIndex, (list = []));
    list.push(s);
  };

  for (const unit of assessment.units) {
    if (!unit.included) continue;
    for (const code of INDICATOR_CODES) {
      const status = unitStatus(assessment, unit, code);
      if (!isShort(status)) continue;
      const ind = unitIndicator(assessment, unit, code);
      const rule = profile.indicators[code];
      push({
        schoolIndex: unit.schoolIndex,
        school: unit.school,
        section: unit.section,
        code,
        item: `${rule.shortName}（${rule.unit}）`,
        value: ind.value,
        valueFormat: "0.00",
        requirement: requirementOf(ind.threshold),
        status,
        action: ind.gap?.text ?? "",
        cell: cellOf(unit.schoolIndex, ind.field),
      });
    }
  }

  for (const checks of assessment.schools) {
    const i = checks.schoolIndex;
    const values = dataset.schools[i]?.values ?? {};
    const { rooms, scale, classSize, trainingFunds } = checks;
    if (isShort(rooms.status)) {
      // One line per room kind that is short, each pointing at its own input cell.
      const need = rooms.required.total;
      const kinds = [
        { have: rooms.music, zh: "音乐", field: "musicRooms" as const, area: profile.musicRoomMinArea },
        { have: rooms.art, zh: "美术", field: "artRooms" as const, area: profile.artRoomMinArea },
      ];
      for (const k of kinds) {
        if ((k.have ?? 0) >= need) continue;
        push({
          schoolIndex: i,
          school: checks.school,
          section: null,
          code: "203",
          item: `${k.zh}专用教室（间）`,
          value: k.have,
          valueFormat: "0",
          requirement: `≥${need}（每${profile.classesPerRoom}个班1间，面积≥${k.area}㎡）`,
          status: rooms.status,
          action: `需增加${k.zh}专用教室 ${need - (k.have ?? 0)} 间`,
          cell: cellOf(i, k.field),
        });
      }
    }
    if (isShort(scale.status) && scale.students !== null) {
      push({
        schoolIndex: i,
        school: checks.school,
        section: null,
        code: "204",
        item: "办学规模（义务教育在校生，人）",
        value: scale.students,
        valueFormat: "0",
        requirement: `≤${scale.limit}`,
        status: scale.status,
        action: `超出规定规模 ${num(scale.students - scale.limit)} 人`,
        cell: null,
      });
    }
    for (const section of ["primary", "junior"] as const) {
      const cs = classSize[section];
      if (!cs || !isShort(cs.status) || cs.maxClassSize === null) continue;
      const limit = profile.classSize[section];
      push({
        schoolIndex: i,
        school: checks.school,
        section,
        code: "205",
        item: "最大班额（人）",
        value: cs.maxClassSize,
        valueFormat: "0",
        requirement: `≤${limit}（${profile.classSize.large}人及以上为大班额）`,
        status: cs.status,
        action: `最大班额需降至 ${limit} 人以内`,
        cell: cellOf(i, section === "primary" ? "primaryMaxClassSize" : "juniorMaxClassSize"),
      });
    }
    if (isShort(trainingFunds.status)) {
      const share = profile.county.trainingFundsShare;
      const pub = values.publicFunds ?? null;
      const train = values.trainingFunds ?? 0;
      // Rounded up like every other gap (money needed is never under-stated).
      const need = pub !== null ? ceilTo(Math.max(0, share * pub - train), 2) : null;
      push({
        schoolIndex: i,
        school: checks.school,
        section: null,
        code: "304",
        item: "教师培训经费占公用经费比例",
        value: trainingFunds.ratio,
        valueFormat: "0.0%",
        requirement: `≥${percent(share, 0)}`,
        status: trainingFunds.status,
        action: need !== null ? `需增加教师培训经费 ${fixed(need, 2)} 万元` : "需提高教师培训经费",
        cell: cellOf(i, "trainingFunds"),
      });
    }
  }

  const out: Shortfall[] = [];
  for (const i of [...bySchool.keys()].sort((a, b) => a - b)) out.push(...bySchool.get(i)!);
  return out;
}

/** "小学 102：需增加骨干教师 2 人" — one shortfall as a short phrase for the 需改进 column. */
export function shortfallPhrase(s: Shortfall): string {
  const where = s.section ? `${SECTION_LABEL[s.section]} ${s.code}` : s.code;
  return `${where}：${s.action || s.requirement}`;
}

/**
 * 达标 / 未达标 / 数据有误 / 不参评 for one unit. A unit with an indicator 未达标, or one that cannot
 * reach `minMet` 达标 even if every erroneous value turned out met, fails whatever its data
 * errors; otherwise data errors leave it undecided (数据有误).
 */
export function unitVerdict(u: UnitResult, minMet: number): "达标" | "未达标" | "数据有误" | "不参评" {
  if (!u.included) return "不参评";
  if (u.pass) return "达标";
  if (u.errorCount > 0 && u.unmetCount === 0 && u.metCount + u.errorCount >= minMet) return "数据有误";
  return "未达标";
}
