"""Synthetic but valid pcfdoc specs for benchmarks (issue 8).

    python benchmarks/generate.py --lines 1000 --out /tmp/bench          # /tmp/bench/lines-1000.toml
    python benchmarks/generate.py --lines 1000 -o /tmp/bench/big.toml    # exactly that file
    python benchmarks/generate.py --specs 200 --out /tmp/bench/batch     # batch-000.toml … batch-199.toml
    python benchmarks/generate.py --lines 100 --lines 1000 --out /tmp/b --check

A generated spec is modelled on ``specs/examples/valve-actuator.toml`` (a machinery
product): one product of 1 台, cradle-to-grave, with inventory lines spread over every
stage in fixed proportions: raw materials (mass lines, some counted in 个, with a road or
rail transport leg for every second mass line), inbound freight in t·km, production
energy (grid electricity per workshop, natural gas, diesel, one plant total allocated over
the annual output), warehouse electricity in distribution plus a [products.distribution]
split over destinations, use-phase electricity, and end-of-life treatment. Library factors
are referred to by id (grid, freight and fuel factors of the shipped library); material
and treatment factors are the spec's own [[factors]], each with a source and a year, and
only those used are written, so ``pcfdoc check`` passes without warnings. A few tiny
lines are cut off (``excluded = true``), some lines carry pedigree scores or a GSD, and
three scenarios with improvement measures are included, as in a real report.

Output is deterministic: the same arguments give byte-identical files (``--seed``,
default 8). Only the standard library is used, so the generator runs without pcfdoc
installed; ``--check`` validates every written spec with pcfdoc in-process.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 8

# -- vocabularies -------------------------------------------------------------------

#: Own factors for materials: id, name, kg CO2e per unit, unit of the activity (kg or a count).
MATERIALS: tuple[tuple[str, str, float, str], ...] = (
    ("mat-cold-rolled-steel", "冷轧钢板", 2.33, "kg"),
    ("mat-hot-rolled-steel", "热轧型钢", 2.10, "kg"),
    ("mat-stainless-steel", "不锈钢板", 6.15, "kg"),
    ("mat-grey-iron", "灰铁铸件", 2.05, "kg"),
    ("mat-ductile-iron", "球墨铸铁件", 2.21, "kg"),
    ("mat-steel-forging", "钢制锻件", 2.62, "kg"),
    ("mat-aluminium-ingot", "原铝锭", 16.1, "kg"),
    ("mat-aluminium-casting", "铝合金压铸件", 8.42, "kg"),
    ("mat-aluminium-profile", "铝型材", 11.3, "kg"),
    ("mat-copper-wire", "漆包铜线", 3.81, "kg"),
    ("mat-brass-bar", "黄铜棒", 3.92, "kg"),
    ("mat-pp", "聚丙烯粒料", 1.98, "kg"),
    ("mat-pe", "聚乙烯粒料", 1.90, "kg"),
    ("mat-abs", "ABS 工程塑料", 3.10, "kg"),
    ("mat-pa66", "尼龙 66", 7.94, "kg"),
    ("mat-nbr", "丁腈橡胶密封件", 3.20, "kg"),
    ("mat-float-glass", "浮法玻璃", 1.12, "kg"),
    ("mat-epoxy-paint", "环氧涂料", 3.63, "kg"),
    ("mat-lubricant", "润滑油", 1.21, "kg"),
    ("mat-corrugated", "瓦楞纸箱", 1.05, "kg"),
    ("mat-wood-pallet", "木托盘", 0.31, "kg"),
    ("mat-pe-film", "PE 缠绕膜", 2.05, "kg"),
    ("mat-pcb", "印制电路板组件", 0.62, "个"),
    ("mat-capacitor", "电解电容", 0.018, "个"),
    ("mat-resistor", "贴片电阻", 0.0011, "个"),
    ("mat-mcu", "微控制器芯片", 0.41, "个"),
    ("mat-bearing", "滚动轴承", 1.35, "个"),
    ("mat-fastener", "紧固件", 0.046, "个"),
)
PARTS = ("壳体", "端盖", "箱体", "支架", "齿轮", "蜗杆", "轴套", "法兰", "手轮", "底座", "护罩",
         "接线盒", "控制板", "密封圈", "垫片", "轴", "阀杆", "连接件", "指示盘", "包装")

#: Own factors for end-of-life treatment (kg CO2e per kg treated).
TREATMENTS: tuple[tuple[str, str, float], ...] = (
    ("eol-landfill", "生活垃圾填埋处置", 0.021),
    ("eol-incineration", "焚烧处置", 0.93),
    ("eol-metal-recycling", "废金属回收预处理", 0.054),
    ("eol-plastic-recycling", "废塑料回收造粒", 0.36),
    ("eol-hazardous", "危险废物处置", 1.48),
)
WASTES = ("废钢", "废铝", "废铜", "废塑料", "废橡胶", "废包装", "废润滑油", "废电路板")

#: Library factors (pcfdoc's shipped library), chosen verified or third-party so check stays quiet.
# The regional grid factors of the year before the data period: the newest published by the issue date.
GRIDS = ("cn-grid-2022-north", "cn-grid-2022-east", "cn-grid-2022-central", "cn-grid-2022-south",
         "cn-grid-2022-northeast", "cn-grid-2022-northwest", "cn-grid-2022-southwest")
USE_GRID = "cn-grid-2022-national"
GREEN_GRID = "cn-grid-2022-southwest"
FREIGHT = (("cn-freight-road-heavy-diesel-30t", "road", "30 t 重型柴油货车"),
           ("cn-freight-road-medium-diesel-8t", "road", "8 t 中型柴油货车"),
           ("cn-freight-rail-fallback", "rail", "铁路货运"))
NATURAL_GAS = "cn-fuel-natural-gas"
DIESEL = "cn-fuel-diesel"
WORKSHOPS = ("下料", "机加工", "焊接", "热处理", "喷涂", "装配", "检验试车", "包装", "空压站", "照明与办公")
CITIES = ("北京", "上海", "广州", "成都", "武汉", "西安", "沈阳", "南京", "郑州", "昆明")
SUPPLIERS = ("天津", "唐山", "沧州", "廊坊", "保定", "济南", "无锡", "宁波", "佛山", "重庆")

#: How a spec's N inventory lines split over the stages (the rest go to raw materials).
SHARES = (("raw_material_transport", 0.10), ("production", 0.15), ("distribution", 0.05),
          ("use", 0.05), ("end_of_life", 0.10))
ALL_STAGES = ("raw_material", "raw_material_transport", "production", "distribution", "use", "end_of_life")
GATE_STAGES = ALL_STAGES[:4]
ANNUAL_OUTPUT = 20000  # 台 per year, divides the one plant-total line


@dataclass
class Generated:
    path: Path
    lines: int
    legs: int
    destinations: int


# -- TOML writing ---------------------------------------------------------------------

def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if ("." in text or "e" in text) else text + ".0"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    text = str(value)
    assert '"' not in text and "\\" not in text and "\n" not in text, text
    return f'"{text}"'


def _table(header: str, fields: dict) -> str:
    body = "".join(f"{key} = {_value(value)}\n" for key, value in fields.items() if value is not None)
    return f"{header}\n{body}\n"


def _supply_contract(grid: str) -> dict:
    """The plant is on the North China grid; a line metered on another region's factor says why."""
    if grid == GRIDS[0]:
        return {}
    return {"factor_rationale": "该工位由跨区直购电合同供电，按合同电源所在区域电网因子核算（基准测试数据）"}


def _amount(rng: random.Random, low: float, high: float, digits: int = 4) -> float:
    """A log-uniform amount, rounded to ``digits`` significant digits."""
    value = low * (high / low) ** rng.random()
    return float(f"{value:.{digits}g}")


# -- one spec -------------------------------------------------------------------------

def stage_counts(lines: int, stages: tuple[str, ...]) -> dict[str, int]:
    """Lines per stage: at least one in every stage, the rest by SHARES, raw materials take the remainder."""
    if lines < len(stages):
        raise ValueError(f"a spec over {len(stages)} stages needs at least {len(stages)} lines, not {lines}")
    counts = {stage: 1 for stage in stages}
    for stage, share in SHARES:
        if stage in counts:
            counts[stage] = max(1, round(lines * share))
    counts["raw_material"] = lines - sum(n for stage, n in counts.items() if stage != "raw_material")
    if counts["raw_material"] < 1:
        raise ValueError(f"{lines} lines are too few for stages {', '.join(stages)}")
    return counts


def spec_text(lines: int, seed: int, *, stages: tuple[str, ...] = ALL_STAGES,
              name: str = "") -> tuple[str, int, int]:
    """(TOML text, transport legs, destinations) of a spec with ``lines`` inventory lines."""
    rng = random.Random(seed)
    counts = stage_counts(lines, stages)
    grave = "use" in stages
    used_own: dict[str, tuple[str, float, str]] = {}
    inventory: list[dict] = []
    legs: list[dict] = []
    quality_pool = ({"reliability": 2, "completeness": 2, "geographical": 3, "technological": 2},
                    {"reliability": 1, "completeness": 1, "geographical": 2, "technological": 1},
                    {"reliability": 3, "completeness": 2, "technological": 3})

    def add(line: dict) -> dict:
        roll = rng.random()
        if roll < 0.3:
            line["quality"] = rng.choice(quality_pool)
        elif roll < 0.35:
            line["gsd"] = rng.choice((1.1, 1.2, 1.5))
        inventory.append(line)
        return line

    # Raw materials: mass lines (a leg for every second one), counted parts, a few cut-off trifles.
    raw = counts["raw_material"]
    excluded_every = 400
    mass_kg = 0.0
    for i in range(raw):
        material_id, material, value, unit = rng.choice(MATERIALS)
        used_own[material_id] = (material, value, f"kgCO2e/{unit}")
        line_id = f"rm-{i:05d}"
        excluded = raw >= 20 and i % excluded_every == excluded_every - 1
        if unit == "kg":
            amount = 0.0005 if excluded else _amount(rng, 0.005, 8.0)
        else:
            amount = float(rng.choice((1, 1, 2, 4, 6, 12, 24)))
        line = add({"id": line_id, "stage": "raw_material",
                    "name": f"{material}（{rng.choice(PARTS)} {i + 1:05d}）",
                    "amount": amount, "unit": unit, "factor": material_id,
                    "activity_origin": "recorded", "source": "物料清单（BOM）", "excluded": excluded or None})
        if unit == "kg" and not excluded:
            mass_kg += amount
            if i % 2 == 0:
                factor, mode, vehicle = rng.choice(FREIGHT)
                legs.append({"id": f"leg-{i:05d}", "carries": line_id,
                             "distance_km": float(rng.choice((15, 30, 80, 150, 300, 500, 800, 1200, 1800))),
                             "mode": mode, "vehicle": vehicle, "factor": factor,
                             "activity_origin": "estimated",
                             "source": f"供应商（{rng.choice(SUPPLIERS)}）至工厂距离"})
        if excluded:
            line.pop("quality", None)
            line.pop("gsd", None)
    # Inbound freight given as t·km (no mass known per line).
    for i in range(counts.get("raw_material_transport", 0)):
        factor, _, vehicle = rng.choice(FREIGHT)
        add({"id": f"rmt-{i:05d}", "stage": "raw_material_transport",
             "name": f"外购件运输（{vehicle}，批次 {i + 1:05d}）", "amount": _amount(rng, 0.01, 5.0),
             "unit": "t*km", "factor": factor, "activity_origin": "recorded", "source": "物流台账周转量"})
    # Production energy; the first line is the plant's annual total, allocated over its output.
    for i in range(counts["production"]):
        workshop = WORKSHOPS[i % len(WORKSHOPS)]
        kind = i % 10
        line = {"id": f"prod-{i:05d}", "stage": "production"}
        if i == 0:
            line |= {"name": "全厂公用工程用电（全年）",
                     "amount": float(rng.choice((180000, 225500, 310000))),
                     "unit": "kWh", "annual_total": True, "factor": GRIDS[0], "activity_origin": "billed",
                     "source": "电费结算单（全年）"}
        elif kind < 6:
            line |= {"name": f"{workshop}车间用电（工位 {i + 1:05d}）", "amount": _amount(rng, 0.05, 20.0),
                     "unit": "kWh", "factor": rng.choice(GRIDS), "activity_origin": "metered",
                     "source": "车间分表计量"}
            line |= _supply_contract(line["factor"])
        elif kind < 8:
            line |= {"name": f"{workshop}车间天然气（炉 {i + 1:05d}）", "amount": _amount(rng, 0.01, 3.0),
                     "unit": "Nm3", "factor": NATURAL_GAS, "activity_origin": "metered",
                     "source": "燃气表计量"}
        else:
            line |= {"name": f"厂内叉车柴油（{i + 1:05d}）", "amount": _amount(rng, 0.005, 0.5),
                     "unit": "kg", "factor": DIESEL, "activity_origin": "billed", "source": "油品领用记录"}
        add(line)
    # Distribution: warehouse electricity lines, plus the destinations table below.
    for i in range(counts.get("distribution", 0)):
        grid = rng.choice(GRIDS)
        add({"id": f"dist-{i:05d}", "stage": "distribution",
             "name": f"成品库照明与搬运用电（库位 {i + 1:05d}）", "amount": _amount(rng, 0.01, 2.0),
             "unit": "kWh", "factor": grid, "activity_origin": "metered", "source": "仓库分表计量"}
            | _supply_contract(grid))
    for i in range(counts.get("use", 0)):
        add({"id": f"use-{i:05d}", "stage": "use",
             "name": f"使用阶段耗电（工况 {i + 1:05d}）", "amount": _amount(rng, 1.0, 400.0),
             "unit": "kWh", "factor": USE_GRID, "activity_origin": "scenario",
             "source": "额定功率 × 年运行小时 × 寿命"})
    for i in range(counts.get("end_of_life", 0)):
        treatment_id, treatment, value = rng.choice(TREATMENTS)
        used_own[treatment_id] = (treatment, value, "kgCO2e/kg")
        add({"id": f"eol-{i:05d}", "stage": "end_of_life",
             "name": f"{rng.choice(WASTES)}{treatment}（{i + 1:05d}）", "amount": _amount(rng, 0.01, 3.0),
             "unit": "kg", "factor": treatment_id, "activity_origin": "recorded", "source": "报废拆解统计"})

    product_mass = float(f"{max(mass_kg * 0.92, 0.1):.4g}")
    destination_count = min(len(CITIES), 3 + lines // 2000)
    shares = [rng.randint(5, 30) for _ in range(destination_count)]
    shares[-1] += 100 - sum(shares)
    if shares[-1] <= 0:  # keep every share positive; the first absorbs the difference
        shares = [100 // destination_count] * destination_count
        shares[0] += 100 - sum(shares)
    destinations = [{"id": f"dest-{i:02d}", "name": CITIES[i], "share_pct": float(share),
                     "distance_km": float(rng.choice((120, 350, 900, 1400, 2100)))}
                    for i, share in enumerate(shares)]

    first_kg = next(line["id"] for line in inventory
                    if line["unit"] == "kg" and line["stage"] == "raw_material" and not line.get("excluded"))
    power = next((line["id"] for line in inventory if line["stage"] == "production" and line["unit"] == "kWh"
                  and not line.get("annual_total")), "prod-00000")
    title = name or f"合成规格 {lines} 行"
    out: list[str] = [
        f"# Synthetic pcfdoc spec for benchmarks: {lines} inventory lines, {len(legs)} transport legs,\n"
        f"# {len(destinations)} destinations, seed {seed}. "
        "Written by benchmarks/generate.py; do not edit.\n\n",
        _table("[report]", {
            "number": f"BENCH-{lines:05d}-{seed}", "issue_date": "__ISSUE_DATE__",
            "assessor": "基准测试评价机构", "standards": ["ISO 14067:2018", "GB/T 24067-2024"],
            "purpose": f"性能基准测试用的合成规格（{title}）。", "audience": ["性能测试"],
            "people": [{"duty": "prepared", "name": "编制人"}, {"duty": "reviewed", "name": "审核人"}],
            "comparative": False, "review": {"type": "none"}}),
        _table("[company]", {
            "name": "基准测试机械有限公司", "credit_code": "91120110732826609N",
            "address": "天津市北辰区测试路 1 号",
            "legal_representative": "法定代表人", "contact": {"name": "联系人", "phone": "000-0000-0000"},
            "introduction": "合成数据：用于性能测试的虚构企业。",
            "annual_output": [{"product": "bench-product", "amount": ANNUAL_OUTPUT, "unit": "台"}]}),
        _table("[[products]]", {
            "id": "bench-product", "name": f"电动执行机构（{title}）", "model": f"BX-{lines}",
            "description": "合成数据：虚构的电动执行机构。",
            "functional_unit": {"amount": 1, "unit": "台"},
            "mass_per_unit": {"amount": product_mass, "unit": "kg"},
            "packaging": {"included": False, "note": "合成数据：不计包装。"},
            "carbon_content": {"note": "合成数据：未测定。"}}),
    ]
    out += [_table("[[products.inventory]]", line) for line in inventory]
    out += [_table("[[products.transport]]", leg) for leg in legs]
    if "distribution" in stages:
        out.append(_table("[products.distribution]", {
            "factor": FREIGHT[0][0], "vehicle": FREIGHT[0][2], "activity_origin": "recorded",
            "source": "销售台账", "destinations": destinations}))
    out += [
        _table("[data_period]", {"start": "__START__", "end": "__END__"}),
        _table("[boundary]", {
            "type": "cradle-to-grave" if grave else "cradle-to-gate", "stages": list(stages),
            "processes": [{"stage": stage, "included": [f"{stage} 阶段的全部清单行"]} for stage in stages],
            "exclusions": [{"item": "资本设备的生产及维修", "reason": "按取舍准则不计入"}],
            "stage_reasons": [{"stage": stage, "reason": "合成数据：从摇篮到大门（含分销）。"}
                              for stage in ALL_STAGES if stage not in stages] or None}),
        _table("[allocation]", {"method": "none", "rationale": "工厂只生产一类产品，全年用电按年产量平均。"}),
        _table("[cutoff]", {"mass_threshold_pct": 1.0, "total_threshold_pct": 5.0}),
        _table("[method]", {"gwp": "AR6", "databases": ["合成因子库（基准测试）"],
                            "electricity": "合成数据：各区域电网平均因子。", "product_rules": [],
                            "use_profile": "合成数据：额定功率 × 年运行小时 × 寿命。" if grave else None,
                            "end_of_life": "合成数据：拆解后分类处置。" if grave else None}),
        _table("[data_quality]", {
            "primary": {"reliability": 2, "completeness": 2, "geographical": 1, "technological": 1},
            "secondary": {"reliability": 3, "completeness": 3, "geographical": 3, "technological": 3}}),
        _table("[uncertainty]", {"iterations": 10000, "seed": 1}),
    ]
    for factor_id in sorted(used_own):
        factor_name, value, unit = used_own[factor_id]
        out.append(_table("[[factors]]", {"id": factor_id, "name": factor_name, "value": value, "unit": unit,
                                          "source": "合成因子库（基准测试，非真实数据）",
                                          "origin": "database", "year": 2022, "region": "中国"}))
    out += [
        _table("[[improvements]]", {"title": "零部件轻量化", "description": "优化结构，减少主要零件用量。",
                                    "targets": [first_kg], "scenario": "lighter"}),
        _table("[[improvements]]", {"title": "车间节电", "description": "节能改造，降低车间用电。",
                                    "targets": [power], "scenario": "save-power"}),
        _table("[[improvements]]", {"title": "加强生产节能管理", "description": "全厂能源管理体系。",
                                    "targets": ["production"], "expected_reduction_pct": 5.0}),
        _table("[[scenarios]]", {"id": "lighter", "name": "主要零件减重 10%",
                                 "changes": [{"line": first_kg, "amount_change_pct": -10.0}]}),
        _table("[[scenarios]]", {"id": "save-power", "name": "车间节电 15%",
                                 "changes": [{"line": power, "amount_change_pct": -15.0}]}),
        _table("[[scenarios]]", {"id": "green-power", "name": "改用西南电网因子",
                                 "changes": [{"line": power, "factor": GREEN_GRID}]}),
        _table("[notes]", {"limitations": ["合成数据，仅用于性能测试。"], "value_choices": []}),
    ]
    text = "".join(out)
    # TOML dates are bare literals, not strings. Issued after the 2022 grid factors were published
    # (2024-12-20) and before the electricity footprint factors (2025-01-17).
    text = (text.replace('"__ISSUE_DATE__"', "2025-01-10").replace('"__START__"', "2023-01-01")
            .replace('"__END__"', "2023-12-31"))
    return text, len(legs), len(destinations) if "distribution" in stages else 0


def write_lines_spec(lines: int, out: Path, seed: int = DEFAULT_SEED) -> Generated:
    """One spec with ``lines`` inventory lines; ``out`` is a .toml file or a folder (→ lines-N.toml)."""
    path = out if out.suffix == ".toml" else out / f"lines-{lines}.toml"
    text, legs, destinations = spec_text(lines, seed + lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return Generated(path, lines, legs, destinations)


def write_batch(count: int, folder: Path, seed: int = DEFAULT_SEED, low: int = 8,
                high: int = 30) -> list[Generated]:
    """``count`` small specs (``low``–``high`` lines, every other one cradle-to-gate) in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    width = max(3, len(str(count - 1)))
    for index in range(count):
        lines = rng.randint(low, high)
        stages = GATE_STAGES if index % 2 else ALL_STAGES
        text, legs, destinations = spec_text(lines, seed * 100003 + index, stages=stages,
                                             name=f"批量规格 {index:0{width}d}")
        path = folder / f"batch-{index:0{width}d}.toml"
        path.write_text(text, "utf-8")
        written.append(Generated(path, lines, legs, destinations))
    return written


def check_specs(paths: list[Path]) -> int:
    """Validate and calculate each spec with pcfdoc; print problems; return how many failed."""
    from pcfdoc import pipeline
    from pcfdoc.errors import PcfdocError

    failed = 0
    for path in paths:
        try:
            valid = pipeline.check(path)
        except PcfdocError as error:
            failed += 1
            for line in error.lines()[:20]:
                print(line, file=sys.stderr)
            continue
        for warning in valid.warnings:
            print(f"{warning}", file=sys.stderr)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, action="append", default=[], metavar="N",
                        help="write one spec with N inventory lines (repeatable)")
    parser.add_argument("--specs", type=int, metavar="N", help="write N small specs into --out")
    parser.add_argument("-o", "--out", type=Path, required=True,
                        help="a folder (or, for a single --lines, a .toml file)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--check", action="store_true", help="validate every written spec with pcfdoc")
    args = parser.parse_args(argv)
    if not args.lines and not args.specs:
        parser.error("give --lines N and/or --specs N")
    if args.out.suffix == ".toml" and (len(args.lines) != 1 or args.specs):
        parser.error("-o FILE.toml takes exactly one --lines and no --specs")
    if any(lines < len(ALL_STAGES) for lines in args.lines):
        parser.error(f"--lines must be at least {len(ALL_STAGES)}, one line per stage")
    written: list[Generated] = []
    for lines in args.lines:
        written.append(write_lines_spec(lines, args.out, args.seed))
        print(f"wrote {written[-1].path}: {lines} lines, {written[-1].legs} legs, "
              f"{written[-1].destinations} destinations")
    if args.specs:
        batch = write_batch(args.specs, args.out, args.seed)
        written += batch
        print(f"wrote {len(batch)} specs to {args.out} ({sum(g.lines for g in batch)} lines in all)")
    if args.check:
        failed = check_specs([g.path for g in written])
        print(f"checked {len(written)} spec(s): {failed} invalid")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
