from pathlib import Path

from conftest import REPO

from gongkai.loader import load_catalogue


def test_repository_content_loads_without_problems():
    catalogue, problems = load_catalogue(REPO)
    assert not problems, problems.report()
    assert [i.index_no for i in catalogue.items] == ["XMFAO/2022-00001"]


def test_real_site_has_seed_item_in_both_languages(real_site: Path):
    zh = (real_site / "disclosures/2022/00001/index.html").read_text(encoding="utf-8")
    en = (real_site / "en/disclosures/2022/00001/index.html").read_text(encoding="utf-8")
    assert "厦门市人民政府外事办公室关于2021年法治政府建设工作情况的报告" in zh
    assert "Report of the Foreign Affairs Office of Xiamen Municipal People" in en
