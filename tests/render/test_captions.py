from pcfdoc.render.captions import Captions


def test_numbers_restart_per_chapter_and_go_into_field_results():
    captions = Captions()
    first = captions.table(4)
    captions.table(4)
    third = captions.figure(5)
    appendix = captions.table("A")
    assert captions.labels == ["表 4-1", "表 4-2", "图 5-1", "表 A-1"]
    assert "SEQ 表4 \\* ARABIC" in first and ">1</w:t>" in first
    assert "SEQ 图5 \\* ARABIC" in third
    assert "表 A-" in appendix and "SEQ 表A" in appendix


def test_english_labels_and_sequences():
    captions = Captions("en")
    table = captions.table(5)
    captions.figure(3)
    assert captions.labels == ["Table 5-1", "Figure 3-1"]
    assert "SEQ Table5 \\* ARABIC" in table and ">Table 5-</w:t>" in table
