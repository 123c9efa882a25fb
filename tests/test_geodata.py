"""data/geography.json against the raw CBS files it is derived from, and the script's modes."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from projectz.geography.regions import (
    HUB_POPULATION,
    Geography,
    GeographyError,
    hub_candidates,
    load_geography,
)

SCRIPT = ROOT / "scripts" / "derive-geodata"
GEOGRAPHY = ROOT / "data" / "geography.json"
SOURCES = ROOT.parent / "shared" / "data" / "sources"
NOT_A_MUNICIPALITY = "GM0998"


def raw_features(name: str) -> list[dict]:
    with (SOURCES / name).open(encoding="utf-8") as handle:
        return json.load(handle)["features"]


@pytest.fixture(scope="module")
def raw_municipalities() -> list[dict]:
    return [
        feature["properties"]
        for feature in raw_features("cbs-gemeenten-2023-wgs84.geojson")
        if feature["properties"]["gemeentecode"] != NOT_A_MUNICIPALITY
    ]


@pytest.fixture(scope="module")
def raw_provinces() -> list[dict]:
    return [feature["properties"] for feature in raw_features("cbs-provincies-2023-rd.geojson")]


@pytest.fixture(scope="module")
def geography() -> Geography:
    return load_geography(GEOGRAPHY)


def run_script(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *arguments], capture_output=True, text=True, cwd=ROOT
    )


def test_every_raw_municipality_is_there_once(geography, raw_municipalities) -> None:
    codes = [m.code for m in geography.municipalities]
    assert len(codes) == len(set(codes)) == len(raw_municipalities) == 342
    assert codes == sorted(properties["gemeentecode"] for properties in raw_municipalities)
    assert NOT_A_MUNICIPALITY not in codes


def test_names_and_populations_are_the_raw_ones(geography, raw_municipalities) -> None:
    raw = {p["gemeentecode"]: (p["gemeentenaam"], p["aantalInwoners"]) for p in raw_municipalities}
    assert {m.code: (m.name, m.population) for m in geography.municipalities} == raw


def test_total_population_matches_the_source(geography, raw_municipalities) -> None:
    raw_total = sum(properties["aantalInwoners"] for properties in raw_municipalities)
    total = sum(m.population for m in geography.municipalities)
    assert abs(total - raw_total) <= raw_total / 100


def test_the_twelve_provinces_are_the_raw_ones(geography, raw_provinces) -> None:
    assert [(p.code, p.name) for p in geography.provinces] == sorted(
        (properties["statcode"], properties["statnaam"]) for properties in raw_provinces
    )
    assert len(geography.provinces) == 12


def test_every_municipality_lies_in_one_existing_province(geography) -> None:
    province_codes = {province.code for province in geography.provinces}
    assert all(m.province_code in province_codes for m in geography.municipalities)
    counted = sum(len(geography.municipalities_in(code)) for code in province_codes)
    assert counted == len(geography.municipalities)
    assert all(geography.municipalities_in(code) for code in province_codes)


def test_hub_candidates_are_the_raw_municipalities_of_100k_and_more(
    geography, raw_municipalities
) -> None:
    raw_count = sum(1 for p in raw_municipalities if p["aantalInwoners"] >= HUB_POPULATION)
    assert len(hub_candidates(geography)) == raw_count == 32


def test_centroids_lie_inside_the_province_bounds(geography) -> None:
    for municipality in geography.municipalities:
        outline = geography.province(municipality.province_code).outline
        xs = [x for polygon in outline for x, _ in polygon[0]]
        ys = [y for polygon in outline for _, y in polygon[0]]
        x, y = municipality.centroid
        assert min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys), municipality.name


def test_attribution_and_source_are_recorded(geography) -> None:
    assert geography.attribution == "Bron: CBS, Kadaster (2023)"
    assert geography.source.files == (
        "cbs-gemeenten-2023-wgs84.geojson",
        "cbs-provincies-2023-rd.geojson",
    )


def test_committed_file_is_up_to_date() -> None:
    result = run_script("--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "data/geography.json is up to date\n"


def test_derivation_reproduces_the_committed_bytes(tmp_path: Path) -> None:
    output = tmp_path / "geography.json"
    result = run_script("--output", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == GEOGRAPHY.read_bytes()
    assert output.read_bytes().endswith(b"}\n")


def test_check_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "geography.json"
    stale.write_bytes(GEOGRAPHY.read_bytes().replace(b'"Groningen"', b'"Groningen "', 1))
    result = run_script("--check", "--output", str(stale))
    assert result.returncode == 1
    assert result.stderr == f"{stale} is stale: run scripts/derive-geodata\n"


def test_missing_sources_are_reported_without_a_traceback(tmp_path: Path) -> None:
    result = run_script("--sources", str(tmp_path), "--output", str(tmp_path / "out.json"))
    assert result.returncode == 2
    assert "cbs-gemeenten-2023-wgs84.geojson" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_sources_can_be_given_explicitly(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.symlink_to(SOURCES, target_is_directory=True)
    output = tmp_path / "geography.json"
    assert run_script("--sources", str(sources), "--output", str(output)).returncode == 0
    assert output.read_bytes() == GEOGRAPHY.read_bytes()


def write_geography(path: Path, edit) -> Path:
    document = json.loads(GEOGRAPHY.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["municipalities"][0].update(extra=1), "municipalities[0]: unknown extra"),
        (lambda d: d["municipalities"][3].update(province="PV99"), "unknown province 'PV99'"),
        (lambda d: d["municipalities"][0].update(population="9"), "municipalities[0].population"),
        (lambda d: d["provinces"][1]["outline"][0][0].append(7), "provinces[1].outline[0][0]"),
        (lambda d: d.update(crs="EPSG:4326"), "crs: expected 'EPSG:28992'"),
        (lambda d: d["provinces"].append(d["provinces"][0]), "provinces: duplicate codes PV20"),
        (lambda d: d.pop("attribution"), "geography: missing attribution"),
    ],
)
def test_malformed_files_are_rejected_with_the_place_of_the_problem(
    tmp_path: Path, edit, message: str
) -> None:
    path = write_geography(tmp_path / "geography.json", edit)
    with pytest.raises(GeographyError, match=re.escape(message)) as error:
        load_geography(path)
    assert str(error.value).startswith(f"{path}: ")
