"""X-SVAMP's number extractor on hand-written answers in five languages, beside the paper's regex.

Each case: (language, answer text, the number our extractor reads, the number the paper's
regular expression reads; None where it finds none).  The cases where the two differ are the
table in docs/benchmarks.md; ``python tests/test_svamp_numbers.py`` prints it.
"""

import math
from pathlib import Path

import pytest
from plug_eval.tasks.xsvamp.numbers import final_number, paper_number, same

from plug_eval.languages import LANGUAGES

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
N = None
CASES = [
    ("en", "She has 5 apples and buys 3 more, so 5 + 3 = 8.", 8, 8),
    ("en", "The library now has 1,625 books.", 1625, 1625),
    ("en", "The rope left is 5.25 metres.", 5.25, 25),
    ("en", "At midnight it was -5 degrees.", -5, -5),
    ("en", "9 - 4 = 5, so the answer is 5", 5, 5),
    ("en", "It fell from 4 to \u22125 degrees.", -5, 5),
    ("en", "Each costs $8.50, so four cost $34.00.", 34, 0),
    ("en", "Total: 1,234,567 people", 1234567, 1234567),
    ("en", "I cannot tell from the question.", N, N),
    ("en", "The numbers were 3,5 and 7", 7, 7),
    ("en", "It took 2 hours and 30 minutes.", 30, 30),
    ("en", "Half of it is 0.5", 0.5, 5),
    ("zh", "48 - 29 = 19，所以还剩19个。", 19, 19),
    ("zh", "答案是十二个。", 12, N),
    ("zh", "一共有一百零五本书", 105, N),
    ("zh", "总数是１２５０本", 1250, 1250),
    ("zh", "城市人口约3万人", 30000, 3),
    ("zh", "答案是19。我们再检查一下。", 19, 19),
    ("zh", "绳子还剩5.25米", 5.25, 25),
    ("zh", "千万不要忘记单位：共有42支", 42, 42),
    ("zh", "所以答案是负五", -5, N),
    ("zh", "每人分到两张贴纸", 2, N),
    ("zh", "大约有三四个人", N, N),
    ("zh", "2,400 - 1,850 = 550瓶", 550, 550),
    ("ko", "48 - 29 = 19이므로 남은 머핀은 19개입니다.", 19, 19),
    ("ko", "사과는 모두 세 개입니다.", 3, N),
    ("ko", "학생은 열두 명입니다", 12, N),
    ("ko", "상금은 3만 원입니다.", 30000, 3),
    ("ko", "다시 한 번 확인하면 답은 42입니다.", 42, 42),
    ("ko", "답은 42입니다. 다시 한 번 확인해 보세요.", 42, 42),
    ("ko", "남은 밧줄은 5.25미터입니다.", 5.25, 25),
    ("ko", "스무 살이 되었습니다", 20, N),
    ("ko", "네, 알겠습니다. 답은 １９입니다", 19, 19),
    ("it", "La biblioteca ha 1.625 libri.", 1625, 625),
    ("it", "Restano 5,25 metri di corda.", 5.25, 25),
    ("it", "In totale 1.234,5 euro", 1234.5, 5),
    ("it", "La risposta è 1,234", 1234, 1234),
    ("it", "Costa 3.5 euro", 3.5, 5),
    ("it", "La temperatura è di -5 gradi.", -5, -5),
    ("it", "Servono 0,125 litri", 0.125, 125),
    ("it", "Tom ha 42 matite.", 42, 42),
    ("es", "Quedan 19 magdalenas.", 19, 19),
    ("es", "La respuesta es 2.400 - 1.850 = 550", 550, 550),
    ("es", "Cuestan 34,00 dólares", 34, 0),
    ("es", "Un total de 1.234.567 personas", 1234567, 567),
    ("es", "El resultado es 12,5 kg.", 12.5, 5),
    ("es", "No hay suficiente información.", N, N),
    ("es", "5-3=2", 2, 2),
    ("es", "La temperatura es \u22125 °C", -5, 5),
]


def _id(case):
    return f"{case[0]}:{case[1][:30]}"


@pytest.mark.parametrize("lang,text,ours,paper", CASES, ids=[_id(c) for c in CASES])
def test_final_number(lang, text, ours, paper):
    got = final_number(text, lang)
    assert (got is None) if ours is None else (got is not None and math.isclose(got, ours)), got
    got = paper_number(text)
    assert (got is None) if paper is None else (got is not None and math.isclose(got, paper)), got


def test_the_table_covers_every_language_with_40_cases():
    assert len(CASES) >= 40
    assert {c[0] for c in CASES} == set(LANGUAGES)
    assert all(sum(c[0] == code for c in CASES) >= 7 for code in LANGUAGES)


def test_a_number_word_or_stray_character_does_not_hijack_the_last_number():
    assert final_number("答案是12。我们一起再看一下，十分简单。", "zh") == 12
    assert final_number("二〇二三年，答案是7", "zh") == 7
    assert final_number("답은 7입니다. 세상에!", "ko") == 7  # 세 without a counter
    assert final_number("The answer is 7.", "it") == 7


def _show(x):
    if x is None:
        return "none"
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def disagreement_table():
    """The markdown table of cases where our extractor and the paper's regex differ."""
    rows = ["| lang | answer | ours | paper regex |", "|---|---|---|---|"]
    for lang, text, ours, paper in CASES:
        if not same(None if ours is None else float(ours), None if paper is None else float(paper)):
            shown = text.replace("|", "\\|") + (" *(U+2212 minus)*" if "\u2212" in text else "")
            rows.append(f"| {lang} | {shown} | {_show(ours)} | {_show(paper)} |")
    return "\n".join(rows) + "\n"


def test_docs_show_where_the_two_extractors_disagree():
    assert disagreement_table() in DOC.read_text(encoding="utf-8"), (
        "docs/benchmarks.md: paste the output of python tests/test_svamp_numbers.py")


if __name__ == "__main__":
    print(disagreement_table(), end="")
