"""The kiosk's own words (kiosk/core/words.py): each in both languages, filled in."""

from kiosk.core.words import WORDS, words


def test_every_word_is_said_in_english_and_in_chinese():
    for key, (english, chinese) in WORDS.items():
        assert english and chinese and english != chinese, key
        assert english.count("{") == chinese.count("{"), key  # the same places to fill in


def test_the_visitors_language_chooses_and_each_name_is_filled_in():
    assert words("pin.wrong", "en", tries=2, minutes=5) == \
        "Wrong PIN. 2 more wrong and the pad locks for 5 minutes."
    assert words("pin.wrong", "zh", tries=2, minutes=5) == "密码错误。再错 2 次将锁定 5 分钟。"
    assert words("closed.day6", "zh") == "周日" and words("closed.day0", "en") == "Monday"
    assert words("compass.2", "en") == "east"
    assert words("place.near", "fr", name="Xiamen", km="400", way="north") == \
        "Xiamen, 400 km north"  # any other language: English
