"""What the voice says and with which voice (kiosk/core/speech.py), with no engine."""

from kiosk.core.speech import VoiceInfo, choose, louder, softer, utterance

ESPEAK = [  # as eSpeak NG's voices reach the kiosk through Qt's speech-dispatcher plugin
    VoiceInfo("English (Caribbean)", "en_US"), VoiceInfo("English (America)", "en_US"),
    VoiceInfo("English (America)+Alex", "en_US"), VoiceInfo("English (Great Britain)+Max", "en_GB"),
    VoiceInfo("English (Great Britain)", "en_GB"), VoiceInfo("English (Scotland)", "en_GB"),
    VoiceInfo("Chinese (Cantonese)", "yue_HK"), VoiceInfo("Afrikaans", "af_ZA"),
    VoiceInfo("Chinese (Mandarin, latin as English)+Adam", "C"),
    VoiceInfo("Chinese (Mandarin, latin as English)", "C"),
    VoiceInfo("Bishnupriya Manipuri", "C"),
]


def test_a_voice_of_a_preferred_territory_and_no_variant_is_chosen():
    assert choose(ESPEAK, "en") == VoiceInfo("English (Great Britain)", "en_GB")
    assert choose([v for v in ESPEAK if v.territory != "GB"], "en") == \
        VoiceInfo("English (Caribbean)", "en_US")  # the engine's first of en_US
    assert choose([VoiceInfo("English (India)", "en_IN"), VoiceInfo("English", "en_AU")],
                  "en") == VoiceInfo("English (India)", "en_IN")  # any territory, in order
    assert choose([VoiceInfo("A+x", "en_GB"), VoiceInfo("B", "en_IN")], "en") == \
        VoiceInfo("B", "en_IN")  # a plain voice before a preferred territory's variant


def test_mandarin_is_found_by_its_name_when_the_engine_gives_it_no_locale():
    assert choose(ESPEAK, "zh") == VoiceInfo("Chinese (Mandarin, latin as English)", "C")
    windows = [VoiceInfo("Microsoft Tracy", "zh_HK"), VoiceInfo("Microsoft Huihui", "zh_CN")]
    assert choose(windows + ESPEAK, "zh") == VoiceInfo("Microsoft Huihui", "zh_CN")
    assert choose([VoiceInfo("Chinese (Cantonese)", "yue_HK")], "zh") is None
    assert choose([VoiceInfo("Chinese (Mandarin)", "en_GB")], "zh") is None  # a locale: trusted
    assert choose([], "en") is None


def test_texts_become_sentences_in_one_utterance():
    assert utterance(["Mission", "Who we are.", "", "  two   spaces ", "Why?"], "en") == \
        "Mission. Who we are. two spaces. Why?"
    assert utterance(["使命", "我们是谁。", "为什么？"], "zh") == "使命。我们是谁。为什么？"
    assert utterance([], "en") == ""
    assert utterance(["Ends with a colon:"], "en") == "Ends with a colon:"


def test_louder_and_softer_stop_at_the_ends():
    assert (louder(2), louder(3), softer(1), softer(0)) == (3, 3, 0, 0)
