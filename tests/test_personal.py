"""The personal-data finder: real ID, mobile and bank card numbers, and none of the numbers
that government documents are full of."""

import pytest

from gongkai.personal import find_personal_data, luhn_valid, resident_id_valid

# Worked out by hand with GB 11643-1999: the weighted sum of the first 17 digits of 350203199003071236
# is 237; 237 mod 11 = 6, and position 6 of "10X98765432" is "6".
VALID_ID = "350203199003071236"
VALID_ID_X = "11010519491231002X"  # the standard's own example
VALID_CARD = "6217001234567890122"  # Luhn sum 70, a multiple of 10


def test_check_digits():
    assert resident_id_valid(VALID_ID) and resident_id_valid(VALID_ID_X)
    assert not resident_id_valid("350203199003071235")  # wrong check digit
    assert not resident_id_valid("350203199002301236")  # 30 February
    assert luhn_valid(VALID_CARD) and luhn_valid("4111111111111111")
    assert not luhn_valid("6217001234567890123")


@pytest.mark.parametrize("text, kind, found", [
    (f"身份证号{VALID_ID}。", "resident-id", VALID_ID),
    (f"身份证：{VALID_ID_X.lower()}", "resident-id", VALID_ID_X.lower()),
    ("手机13912345678", "mobile", "13912345678"),
    ("手机：139 1234 5678", "mobile", "139 1234 5678"),
    ("电话 +86 139-1234-5678", "mobile", "+86 139-1234-5678"),
    ("电话 008613912345678", "mobile", "008613912345678"),
    (f"账号{VALID_CARD}", "bank-card", VALID_CARD),
    ("卡号 6217 0012 3456 7890 122", "bank-card", "6217 0012 3456 7890 122"),
    ("Visa 4111-1111-1111-1111", "bank-card", "4111-1111-1111-1111"),
    # full-width digits, spaces and hyphens, as a Chinese input method types them
    ("手机１３９１２３４５６７８", "mobile", "１３９１２３４５６７８"),
    ("手机：１３９　１２３４　５６７８", "mobile", "１３９　１２３４　５６７８"),
    ("电话＋８６　１３９－１２３４－５６７８", "mobile", "＋８６　１３９－１２３４－５６７８"),
    ("身份证３５０２０３１９９００３０７１２３６", "resident-id", "３５０２０３１９９００３０７１２３６"),
    ("身份证１１０１０５１９４９１２３１００２Ｘ", "resident-id", "１１０１０５１９４９１２３１００２Ｘ"),
    ("卡号６２１７００１２３４５６７８９０１２２", "bank-card", "６２１７００１２３４５６７８９０１２２"),
    ("手机1３９12３４5６７８（半角全角混写）", "mobile", "1３９12３４5６７８"),
])
def test_finds_personal_data(text, kind, found):
    assert [(f.kind, f.text) for f in find_personal_data(text)] == [(kind, found)]


@pytest.mark.parametrize("text", [
    "联系电话：0592-2856077", "电话05922856077", "传真（0592）2856078", "服务热线 12345", "400-123-4567",
    "日期20240301", "2024-03-01至2024-03-05", "2021年1月至2021年12月", "时间 20240301 至 20240305",
    "索引号 XMFAO/2024-00136", "索引号 113502000035401234/2024-00001", "厦外〔2024〕12号",
    "金额12,345,678.90元", "合计1234567.89元", "123456789012.50 万元", "邮编361004",
    "已遮盖：139****5678", "350203********1236", "6217 **** **** 0122",
    "统一社会信用代码 91350200MA2Y123456", "1381234567", "138123456789",
    "0000000000000000", "350203199003071235", "6217001234567890123",
])
def test_ignores_other_numbers(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", ["日期２０２４０３０１", "电话０５９２－２８５６０７７", "已遮盖：１３９＊＊＊＊５６７８",
                                  "３５０２０３１９９００３０７１２３５", "①２０２４年３月５日"])
def test_ignores_other_full_width_numbers(text):
    assert find_personal_data(text) == []


def test_positions_of_full_width_numbers_are_those_of_the_original_text():
    text = f"ﬁ甲１３９１２３４５６７８，乙 {VALID_ID}"  # ﬁ is two letters once normalised
    assert [(f.kind, f.start, f.text) for f in find_personal_data(text)] == [
        ("mobile", 2, "１３９１２３４５６７８"), ("resident-id", 16, VALID_ID)]


def test_positions_point_at_each_number():
    text = f"甲 13912345678，乙 {VALID_ID}"
    assert [(f.kind, f.start) for f in find_personal_data(text)] == [("mobile", 2), ("resident-id", 16)]
