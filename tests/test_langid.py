"""Language fidelity on answers shaped like real ones (code, mixed languages, no prose)."""

import pytest

from plug_eval.langid import fidelity, language_shares

ZH = "首先，制定一个学习计划。其次，关掉手机通知。最后，每学习五十分钟休息十分钟。"
KO = "먼저 공부 계획을 세우세요. 그다음 휴대폰 알림을 끄세요. 마지막으로 오십 분마다 쉬세요."
IT = "Per prima cosa, prepara un piano di studio. Poi spegni le notifiche del telefono."
ES = "Primero, haz un plan de estudio. Después, apaga las notificaciones del teléfono."
EN = "First, make a study plan. Then turn off the phone notifications and take breaks."


@pytest.mark.parametrize("text,lang", [(ZH, "zh"), (KO, "ko"), (IT, "it"), (ES, "es"), (EN, "en")])
def test_each_language_is_recognised(text, lang):
    assert fidelity(text, lang) == 1.0
    assert fidelity(text, "en" if lang != "en" else "zh") == 0.0


def test_code_is_ignored_and_mixed_answers_get_a_share():
    with_code = ZH + "\n```python\ndef is_palindrome(s):\n    return s == s[::-1]\n```\n" + ZH
    assert fidelity(with_code, "zh") == 1.0
    half = language_shares(EN + "\n" + ES)
    assert 0.3 < half["en"] < 0.7 and 0.3 < half["es"] < 0.7


def test_answers_without_prose():
    assert fidelity("", "zh") == 0.0
    assert fidelity("�� 。。", "zh") == 0.0
    assert fidelity("```\nprint(1)\n```", "ko") == 1.0
