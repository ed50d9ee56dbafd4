from pcfdoc.spec.positions import key_lines, line_of

TEXT = '''\
title = "x"  # comment
[report]
number = "A-1"
people = [
  {duty = "prepared", name = "N"},
  { duty = "approved",
    name = "M" },
]
purpose = """
two
lines
"""
after = 1

[[products]]
id = "a"
functional_unit = {amount = 1, unit = "台"}

[[products.inventory]]
id = "l1"
"quoted key" = 2
a.b = 3

[[products.inventory]]
id = "l2"

[products.distribution]
destinations = [
  { id = "d1" },
  { id = "d2" },
]

[[products]]
id = "b"

[[products.inventory]]
id = "l3"
'''


def test_keys_tables_and_array_elements_have_lines():
    lines = key_lines(TEXT)
    assert lines[("title",)] == 1
    assert lines[("report",)] == 2
    assert lines[("report", "people", 1, "duty")] == 6
    assert lines[("report", "people", 1, "name")] == 7
    assert lines[("report", "after")] == 13
    assert lines[("products", 0)] == 15
    assert lines[("products", 0, "functional_unit", "unit")] == 17
    assert lines[("products", 0, "inventory", 0, "quoted key")] == 21
    assert lines[("products", 0, "inventory", 0, "a", "b")] == 22
    assert lines[("products", 0, "inventory", 1, "id")] == 25
    assert lines[("products", 0, "distribution", "destinations", 1)] == 30
    assert lines[("products", 1, "inventory", 0, "id")] == 37


def test_line_of_falls_back_to_the_nearest_located_ancestor():
    lines = key_lines(TEXT)
    assert line_of(lines, ("products", 0, "inventory", 1, "amount")) == 24
    assert line_of(lines, ("missing",)) is None
