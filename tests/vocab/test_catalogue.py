"""Names the catalogue makes for computed lines."""

import pytest

from pcfdoc.vocab.catalogue import transport_label


@pytest.mark.parametrize(
    ("name", "distribution", "label"),
    [
        ("灰铁铸件", False, "灰铁铸件运输"),
        ("轴承 32209", False, "轴承 32209 运输"),
        ("SMC-10", False, "SMC-10 运输"),
        ("轴承（A 型）", False, "轴承（A 型）运输"),
        ("山东", True, "产品运输至山东"),
        ("Hamburg", True, "产品运输至 Hamburg"),
    ],
)
def test_chinese_transport_labels_keep_a_space_next_to_letters_and_digits(name, distribution, label):
    assert transport_label("zh-CN", name, distribution=distribution) == label


def test_english_transport_labels():
    assert transport_label("en", "轴承 32209") == "Transport of 轴承 32209"
    assert transport_label("en", "Shandong", distribution=True) == "Distribution to Shandong"
