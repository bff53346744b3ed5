"""Short factual templates for the parallel sample: one question shape, many entities.

Each template has one or more instruction phrasings and a response, one string per language
(en, zh, ko, it, es), with slots filled from its entities.  A slot value is a 5-tuple, or one
string used in every language (numbers).  Italian and Spanish values carry the article or
preposition their sentence needs; Korean particles are chosen by ``{slot:은}`` (see
make_parallel_sample.josa).
"""

from __future__ import annotations

import random

from make_parallel_sample import L, collector

TEMPLATES, template = collector()


# --- capitals --------------------------------------------------------------------------------
_CAPITALS = [
    (L("France", "法国", "프랑스", "della Francia", "Francia"), L("Paris", "巴黎", "파리", "Parigi", "París")),
    (L("Japan", "日本", "일본", "del Giappone", "Japón"), L("Tokyo", "东京", "도쿄", "Tokyo", "Tokio")),
    (L("Germany", "德国", "독일", "della Germania", "Alemania"), L("Berlin", "柏林", "베를린", "Berlino", "Berlín")),
    (L("Canada", "加拿大", "캐나다", "del Canada", "Canadá"), L("Ottawa", "渥太华", "오타와", "Ottawa", "Ottawa")),
    (L("Egypt", "埃及", "이집트", "dell'Egitto", "Egipto"), L("Cairo", "开罗", "카이로", "il Cairo", "El Cairo")),
    (L("Portugal", "葡萄牙", "포르투갈", "del Portogallo", "Portugal"),
     L("Lisbon", "里斯本", "리스본", "Lisbona", "Lisboa")),
    (L("Greece", "希腊", "그리스", "della Grecia", "Grecia"), L("Athens", "雅典", "아테네", "Atene", "Atenas")),
    (L("Kenya", "肯尼亚", "케냐", "del Kenya", "Kenia"), L("Nairobi", "内罗毕", "나이로비", "Nairobi", "Nairobi")),
    (L("Peru", "秘鲁", "페루", "del Perù", "Perú"), L("Lima", "利马", "리마", "Lima", "Lima")),
    (L("Norway", "挪威", "노르웨이", "della Norvegia", "Noruega"), L("Oslo", "奥斯陆", "오슬로", "Oslo", "Oslo")),
    (L("Thailand", "泰国", "태국", "della Thailandia", "Tailandia"),
     L("Bangkok", "曼谷", "방콕", "Bangkok", "Bangkok")),
    (L("Argentina", "阿根廷", "아르헨티나", "dell'Argentina", "Argentina"),
     L("Buenos Aires", "布宜诺斯艾利斯", "부에노스아이레스", "Buenos Aires", "Buenos Aires")),
    (L("Mexico", "墨西哥", "멕시코", "del Messico", "México"),
     L("Mexico City", "墨西哥城", "멕시코시티", "Città del Messico", "Ciudad de México")),
    (L("Sweden", "瑞典", "스웨덴", "della Svezia", "Suecia"),
     L("Stockholm", "斯德哥尔摩", "스톡홀름", "Stoccolma", "Estocolmo")),
    (L("Ireland", "爱尔兰", "아일랜드", "dell'Irlanda", "Irlanda"), L("Dublin", "都柏林", "더블린", "Dublino", "Dublín")),
    (L("Vietnam", "越南", "베트남", "del Vietnam", "Vietnam"), L("Hanoi", "河内", "하노이", "Hanoi", "Hanói")),
    (L("Chile", "智利", "칠레", "del Cile", "Chile"), L("Santiago", "圣地亚哥", "산티아고", "Santiago", "Santiago")),
    (L("Poland", "波兰", "폴란드", "della Polonia", "Polonia"), L("Warsaw", "华沙", "바르샤바", "Varsavia", "Varsovia")),
    (L("Austria", "奥地利", "오스트리아", "dell'Austria", "Austria"), L("Vienna", "维也纳", "빈", "Vienna", "Viena")),
    (L("Morocco", "摩洛哥", "모로코", "del Marocco", "Marruecos"), L("Rabat", "拉巴特", "라바트", "Rabat", "Rabat")),
]
template(
    "capital",
    [L("What is the capital of {c}?", "{c}的首都是哪里？", "{c}의 수도는 어디인가요?",
       "Qual è la capitale {c}?", "¿Cuál es la capital de {c}?"),
     L("Which city is the capital of {c}?", "{c}的首都是哪座城市？", "{c}의 수도는 어느 도시인가요?",
       "Quale città è la capitale {c}?", "¿Qué ciudad es la capital de {c}?")],
    L("The capital of {c} is {k}. It is also where the national government is based.",
      "{c}的首都是{k}，这里也是该国中央政府的所在地。",
      "{c}의 수도는 {k}입니다. 이곳에는 중앙 정부도 자리하고 있습니다.",
      "La capitale {c} è {k}, che è anche la sede del governo nazionale.",
      "La capital de {c} es {k}, que también es la sede del gobierno nacional."),
    [{"c": c, "k": k} for c, k in _CAPITALS],
)

# --- languages spoken --------------------------------------------------------------------------
_SPOKEN = [
    (L("Brazil", "巴西", "브라질", "in Brasile", "Brasil"),
     L("Portuguese", "葡萄牙语", "포르투갈어", "il portoghese", "portugués")),
    (L("Japan", "日本", "일본", "in Giappone", "Japón"), L("Japanese", "日语", "일본어", "il giapponese", "japonés")),
    (L("Egypt", "埃及", "이집트", "in Egitto", "Egipto"), L("Arabic", "阿拉伯语", "아랍어", "l'arabo", "árabe")),
    (L("Austria", "奥地利", "오스트리아", "in Austria", "Austria"), L("German", "德语", "독일어", "il tedesco", "alemán")),
    (L("the Netherlands", "荷兰", "네덜란드", "nei Paesi Bassi", "los Países Bajos"),
     L("Dutch", "荷兰语", "네덜란드어", "l'olandese", "neerlandés")),
    (L("Turkey", "土耳其", "튀르키예", "in Turchia", "Turquía"), L("Turkish", "土耳其语", "튀르키예어", "il turco", "turco")),
    (L("Greece", "希腊", "그리스", "in Grecia", "Grecia"), L("Greek", "希腊语", "그리스어", "il greco", "griego")),
    (L("Vietnam", "越南", "베트남", "in Vietnam", "Vietnam"),
     L("Vietnamese", "越南语", "베트남어", "il vietnamita", "vietnamita")),
    (L("Iran", "伊朗", "이란", "in Iran", "Irán"), L("Persian", "波斯语", "페르시아어", "il persiano", "persa")),
    (L("Sweden", "瑞典", "스웨덴", "in Svezia", "Suecia"), L("Swedish", "瑞典语", "스웨덴어", "lo svedese", "sueco")),
    (L("Poland", "波兰", "폴란드", "in Polonia", "Polonia"), L("Polish", "波兰语", "폴란드어", "il polacco", "polaco")),
    (L("Indonesia", "印度尼西亚", "인도네시아", "in Indonesia", "Indonesia"),
     L("Indonesian", "印度尼西亚语", "인도네시아어", "l'indonesiano", "indonesio")),
    (L("Russia", "俄罗斯", "러시아", "in Russia", "Rusia"), L("Russian", "俄语", "러시아어", "il russo", "ruso")),
    (L("Finland", "芬兰", "핀란드", "in Finlandia", "Finlandia"), L("Finnish", "芬兰语", "핀란드어", "il finlandese", "finés")),
]
template(
    "spoken",
    [L("Which language is mainly spoken in {c}?", "{c}主要讲什么语言？", "{c}에서는 주로 어떤 언어를 사용하나요?",
       "Quale lingua si parla principalmente {c}?", "¿Qué idioma se habla principalmente en {c}?")],
    L("The main language of {c} is {l}. Most people there use it at school, at work and at home.",
      "{c}的主要语言是{l}。那里的大多数人在学校、工作和家里都使用这种语言。",
      "{c}의 주요 언어는 {l}입니다. 그곳 사람들 대부분이 학교와 직장, 그리고 집에서 이 언어를 씁니다.",
      "La lingua più parlata {c} è {l}, che la maggior parte delle persone usa a scuola, al lavoro e a casa.",
      "El idioma principal de {c} es el {l}. La mayoría de la gente lo usa en la escuela, en el trabajo y en casa."),
    [{"c": c, "l": lang} for c, lang in _SPOKEN],
)

# --- arithmetic and units (numbers are the same string in every language) ------------------------
_rng = random.Random(20240611)


def _numbers(count: int, low: int, high: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    while len(pairs) < count:
        pair = (_rng.randint(low, high), _rng.randint(low, high))
        if pair not in pairs:
            pairs.append(pair)
    return pairs


template(
    "add",
    [L("What is {a} plus {b}?", "{a}加{b}等于多少？", "{a} 더하기 {b:은} 얼마인가요?", "Quanto fa {a} più {b}?",
       "¿Cuánto es {a} más {b}?")],
    L("{a} plus {b} equals {s}. In symbols: {a} + {b} = {s}.",
      "{a}加{b}等于{s}，用算式表示就是 {a} + {b} = {s}。",
      "{a} 더하기 {b:은} {s}입니다. 식으로 쓰면 {a} + {b} = {s}입니다.",
      "{a} più {b} fa {s}. In simboli: {a} + {b} = {s}.",
      "{a} más {b} es igual a {s}. En símbolos: {a} + {b} = {s}."),
    [{"a": str(a), "b": str(b), "s": str(a + b)} for a, b in _numbers(12, 3, 95)],
)
template(
    "multiply",
    [L("What is {a} times {b}?", "{a}乘以{b}等于多少？", "{a} 곱하기 {b:은} 얼마인가요?", "Quanto fa {a} per {b}?",
       "¿Cuánto es {a} por {b}?")],
    L("{a} times {b} is {p}.", "{a}乘以{b}等于{p}。", "{a} 곱하기 {b:은} {p}입니다.", "{a} per {b} fa {p}.",
      "{a} por {b} es {p}."),
    [{"a": str(a), "b": str(b), "p": str(a * b)} for a, b in _numbers(10, 2, 12)],
)
template(
    "minutes",
    [L("How many minutes are there in {n} hours?", "{n}个小时有多少分钟？", "{n}시간은 몇 분인가요?",
       "Quanti minuti ci sono in {n} ore?", "¿Cuántos minutos hay en {n} horas?")],
    L("There are {m} minutes in {n} hours, because each hour has 60 minutes ({n} × 60 = {m}).",
      "{n}个小时有{m}分钟，因为每小时有60分钟（{n} × 60 = {m}）。",
      "{n}시간은 {m}분입니다. 한 시간은 60분이므로 {n} × 60 = {m}입니다.",
      "In {n} ore ci sono {m} minuti, perché ogni ora ha 60 minuti ({n} × 60 = {m}).",
      "En {n} horas hay {m} minutos, porque cada hora tiene 60 minutos ({n} × 60 = {m})."),
    [{"n": str(n), "m": str(60 * n)} for n in (2, 3, 4, 5, 6, 8, 10, 12)],
)
template(
    "grams",
    [L("How many grams are in {n} kilograms?", "{n}千克等于多少克？", "{n}킬로그램은 몇 그램인가요?",
       "Quanti grammi ci sono in {n} chilogrammi?", "¿Cuántos gramos hay en {n} kilogramos?")],
    L("{n} kilograms equal {g} grams, because one kilogram is 1000 grams.",
      "{n}千克等于{g}克，因为1千克是1000克。",
      "{n}킬로그램은 {g}그램입니다. 1킬로그램이 1000그램이기 때문입니다.",
      "{n} chilogrammi corrispondono a {g} grammi, perché un chilogrammo è 1000 grammi.",
      "{n} kilogramos equivalen a {g} gramos, porque un kilogramo tiene 1000 gramos."),
    [{"n": str(n), "g": str(1000 * n)} for n in (2, 3, 4, 5, 6, 7, 9, 15)],
)
_EVEN = L("{n} is an even number, because it can be divided by 2 with no remainder.",
          "{n}是偶数，因为它能被2整除。",
          "{n:은} 짝수입니다. 2로 나누어떨어지기 때문입니다.",
          "{n} è un numero pari, perché si può dividere per 2 senza resto.",
          "{n} es un número par, porque se puede dividir entre 2 sin resto.")
_ODD = L("{n} is an odd number, because dividing it by 2 leaves a remainder of 1.",
         "{n}是奇数，因为它除以2余1。",
         "{n:은} 홀수입니다. 2로 나누면 1이 남기 때문입니다.",
         "{n} è un numero dispari, perché diviso per 2 dà resto 1.",
         "{n} es un número impar, porque al dividirlo entre 2 queda un resto de 1.")
template(
    "even_odd",
    [L("Is {n} an even or an odd number?", "{n}是偶数还是奇数？", "{n:은} 짝수인가요, 홀수인가요?",
       "{n} è un numero pari o dispari?", "¿{n} es un número par o impar?")],
    _EVEN,
    [{"n": str(n), "_resp": _ODD if n % 2 else _EVEN} for n in (14, 27, 38, 51, 63, 70, 86, 99, 112, 245)],
)


def _lists(count: int) -> list[dict]:
    out = []
    for _ in range(count):
        xs = _rng.sample(range(1, 100), _rng.randint(4, 6))
        out.append({"xs": ", ".join(map(str, xs)), "xz": "、".join(map(str, xs)),
                    "ys": ", ".join(map(str, sorted(xs))), "yz": "、".join(map(str, sorted(xs)))})
    return out


template(
    "sort",
    [L("Put these numbers in order from smallest to largest: {xs}.", "请把这些数字从小到大排列：{xz}。",
       "다음 숫자들을 작은 것부터 큰 순서로 나열해 주세요: {xs}",
       "Metti questi numeri in ordine dal più piccolo al più grande: {xs}.",
       "Ordena estos números de menor a mayor: {xs}.")],
    L("From smallest to largest: {ys}.", "从小到大依次是：{yz}。", "작은 것부터 큰 순서로 나열하면 {ys}입니다.",
      "Dal più piccolo al più grande: {ys}.", "De menor a mayor: {ys}."),
    _lists(8),
)

# --- calendar ----------------------------------------------------------------------------------
_DAYS = [L("Monday", "星期一", "월요일", "lunedì", "lunes"), L("Tuesday", "星期二", "화요일", "martedì", "martes"),
         L("Wednesday", "星期三", "수요일", "mercoledì", "miércoles"), L("Thursday", "星期四", "목요일", "giovedì", "jueves"),
         L("Friday", "星期五", "금요일", "venerdì", "viernes"), L("Saturday", "星期六", "토요일", "sabato", "sábado"),
         L("Sunday", "星期日", "일요일", "domenica", "domingo")]
template(
    "next_day",
    [L("What day of the week comes after {d}?", "{d}的下一天是星期几？", "{d} 다음은 무슨 요일인가요?",
       "Che giorno viene dopo {d}?", "¿Qué día de la semana viene después del {d}?")],
    L("The day after {d} is {e}.", "{d}的下一天是{e}。", "{d} 다음은 {e}입니다.", "Dopo {d} viene {e}.",
      "Después del {d} viene el {e}."),
    [{"d": d, "e": _DAYS[(i + 1) % 7]} for i, d in enumerate(_DAYS)],
)
_MONTHS_IT = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()
_MONTHS_ES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
_MONTHS_EN = ("January February March April May June July August September October November "
              "December").split()
_MONTHS_ZH = "一月 二月 三月 四月 五月 六月 七月 八月 九月 十月 十一月 十二月".split()
_MONTHS = [L(_MONTHS_EN[i], _MONTHS_ZH[i], f"{i + 1}월", _MONTHS_IT[i], _MONTHS_ES[i]) for i in range(12)]
template(
    "next_month",
    [L("Which month comes after {m}?", "{m}之后是几月？", "{m} 다음 달은 몇 월인가요?", "Quale mese viene dopo {m}?",
       "¿Qué mes viene después de {m}?")],
    L("The month after {m} is {n}.", "{m}之后是{n}。", "{m} 다음 달은 {n}입니다.", "Dopo {m} viene {n}.",
      "Después de {m} viene {n}."),
    [{"m": m, "n": _MONTHS[(i + 1) % 12]} for i, m in enumerate(_MONTHS)],
)

# --- words -------------------------------------------------------------------------------------
_OPPOSITES = [
    (L("hot", "热", "뜨겁다", "caldo", "caliente"), L("cold", "冷", "차갑다", "freddo", "frío")),
    (L("big", "大", "크다", "grande", "grande"), L("small", "小", "작다", "piccolo", "pequeño")),
    (L("fast", "快", "빠르다", "veloce", "rápido"), L("slow", "慢", "느리다", "lento", "lento")),
    (L("happy", "快乐", "기쁘다", "felice", "feliz"), L("sad", "悲伤", "슬프다", "triste", "triste")),
    (L("light", "明亮", "밝다", "chiaro", "claro"), L("dark", "黑暗", "어둡다", "scuro", "oscuro")),
    (L("early", "早", "이르다", "presto", "temprano"), L("late", "晚", "늦다", "tardi", "tarde")),
    (L("strong", "强", "강하다", "forte", "fuerte"), L("weak", "弱", "약하다", "debole", "débil")),
    (L("new", "新", "새롭다", "nuovo", "nuevo"), L("old", "旧", "낡다", "vecchio", "viejo")),
    (L("easy", "容易", "쉽다", "facile", "fácil"), L("difficult", "困难", "어렵다", "difficile", "difícil")),
    (L("cheap", "便宜", "싸다", "economico", "barato"), L("expensive", "贵", "비싸다", "costoso", "caro")),
    (L("rich", "富有", "부유하다", "ricco", "rico"), L("poor", "贫穷", "가난하다", "povero", "pobre")),
    (L("clean", "干净", "깨끗하다", "pulito", "limpio"), L("dirty", "脏", "더럽다", "sporco", "sucio")),
]
template(
    "opposite",
    [L('What is the opposite of the word "{w}"?', "“{w}”的反义词是什么？", "'{w}'의 반대말은 무엇인가요?",
       'Qual è il contrario della parola "{w}"?', '¿Cuál es el antónimo de la palabra "{w}"?')],
    L('The opposite of "{w}" is "{o}".', "“{w}”的反义词是“{o}”。", "'{w}'의 반대말은 '{o}'입니다.",
      'Il contrario di "{w}" è "{o}".', 'El antónimo de "{w}" es "{o}".'),
    [{"w": w, "o": o} for w, o in _OPPOSITES],
)

# --- animals -----------------------------------------------------------------------------------
_CLASSES = {
    "mammal": (L("a mammal", "哺乳动物", "포유류", "un mammifero", "un mamífero"),
               L("It is warm-blooded, breathes air and feeds its young with milk.",
                 "它是温血动物，用肺呼吸，并用乳汁喂养幼崽。",
                 "온혈 동물이며 폐로 숨을 쉬고 새끼에게 젖을 먹입니다.",
                 "È un animale a sangue caldo, respira aria e nutre i piccoli con il latte.",
                 "Es de sangre caliente, respira aire y alimenta a sus crías con leche.")),
    "bird": (L("a bird", "鸟类", "조류", "un uccello", "un ave"),
             L("It has feathers and a beak, and it lays eggs.", "它有羽毛和喙，并且会下蛋。",
               "깃털과 부리가 있고 알을 낳습니다.", "Ha le piume e il becco, e depone le uova.",
               "Tiene plumas y pico, y pone huevos.")),
    "fish": (L("a fish", "鱼类", "어류", "un pesce", "un pez"),
             L("It lives in water and breathes through gills.", "它生活在水中，用鳃呼吸。",
               "물속에 살며 아가미로 숨을 쉽니다.", "Vive in acqua e respira con le branchie.",
               "Vive en el agua y respira por branquias.")),
    "reptile": (L("a reptile", "爬行动物", "파충류", "un rettile", "un reptil"),
                L("It has dry, scaly skin and is cold-blooded.", "它的皮肤干燥、覆有鳞片，而且是冷血动物。",
                  "건조하고 비늘로 덮인 피부를 가졌으며 변온 동물입니다.",
                  "Ha la pelle secca e squamosa ed è a sangue freddo.",
                  "Tiene la piel seca y escamosa, y es de sangre fría.")),
}
_ANIMALS = [
    (L("a dog", "狗", "개", "il cane", "el perro"), "mammal"),
    (L("a horse", "马", "말", "il cavallo", "el caballo"), "mammal"),
    (L("a whale", "鲸", "고래", "la balena", "la ballena"), "mammal"),
    (L("a rabbit", "兔子", "토끼", "il coniglio", "el conejo"), "mammal"),
    (L("an owl", "猫头鹰", "부엉이", "il gufo", "el búho"), "bird"),
    (L("a parrot", "鹦鹉", "앵무새", "il pappagallo", "el loro"), "bird"),
    (L("a duck", "鸭子", "오리", "l'anatra", "el pato"), "bird"),
    (L("a sparrow", "麻雀", "참새", "il passero", "el gorrión"), "bird"),
    (L("a shark", "鲨鱼", "상어", "lo squalo", "el tiburón"), "fish"),
    (L("a salmon", "鲑鱼", "연어", "il salmone", "el salmón"), "fish"),
    (L("a snake", "蛇", "뱀", "il serpente", "la serpiente"), "reptile"),
    (L("a turtle", "乌龟", "거북", "la tartaruga", "la tortuga"), "reptile"),
    (L("a crocodile", "鳄鱼", "악어", "il coccodrillo", "el cocodrilo"), "reptile"),
    (L("a lizard", "蜥蜴", "도마뱀", "la lucertola", "el lagarto"), "reptile"),
]
template(
    "animal_class",
    [L("Is {a} a mammal, a bird, a fish or a reptile?", "{a}是哺乳动物、鸟类、鱼类还是爬行动物？",
       "{a:은} 포유류, 조류, 어류, 파충류 중 어디에 속하나요?", "{a!c} è un mammifero, un uccello, un pesce o un rettile?",
       "¿{a!c} es un mamífero, un ave, un pez o un reptil?")],
    L("{a!c} is {k}. {why}", "{a}是{k}。{why}", "{a:은} {k}에 속합니다. {why}", "{a!c} è {k}. {why}",
      "{a!c} es {k}. {why}"),
    [{"a": a, "k": _CLASSES[c][0], "why": _CLASSES[c][1]} for a, c in _ANIMALS],
)
_LEGS = [
    (L("a spider", "蜘蛛", "거미", "un ragno", "una araña"), "8"),
    (L("an ant", "蚂蚁", "개미", "una formica", "una hormiga"), "6"),
    (L("a horse", "马", "말", "un cavallo", "un caballo"), "4"),
    (L("a chicken", "鸡", "닭", "una gallina", "una gallina"), "2"),
    (L("a bee", "蜜蜂", "꿀벌", "un'ape", "una abeja"), "6"),
    (L("a cow", "牛", "소", "una mucca", "una vaca"), "4"),
    (L("a crab", "螃蟹", "게", "un granchio", "un cangrejo"), "10"),
    (L("an ostrich", "鸵鸟", "타조", "uno struzzo", "un avestruz"), "2"),
]
template(
    "legs",
    [L("How many legs does {a} have?", "{a}有几条腿？", "{a:은} 다리가 몇 개인가요?", "Quante zampe ha {a}?",
       "¿Cuántas patas tiene {a}?")],
    L("{a!c} has {n} legs.", "{a}有{n}条腿。", "{a:은} 다리가 {n}개입니다.", "{a!c} ha {n} zampe.", "{a!c} tiene {n} patas."),
    [{"a": a, "n": n} for a, n in _LEGS],
)

# --- food ------------------------------------------------------------------------------------------
_COLOURS = [
    (L("banana", "香蕉", "바나나", "una banana matura", "un plátano maduro"),
     L("yellow", "黄色", "노란색", "gialla", "amarillo")),
    (L("tomato", "番茄", "토마토", "un pomodoro maturo", "un tomate maduro"), L("red", "红色", "빨간색", "rosso", "rojo")),
    (L("lemon", "柠檬", "레몬", "un limone maturo", "un limón maduro"), L("yellow", "黄色", "노란색", "giallo", "amarillo")),
    (L("plum", "李子", "자두", "una prugna matura", "una ciruela madura"), L("purple", "紫色", "보라색", "viola", "morada")),
    (L("strawberry", "草莓", "딸기", "una fragola matura", "una fresa madura"), L("red", "红色", "빨간색", "rossa", "roja")),
    (L("orange", "橙子", "오렌지", "un'arancia matura", "una naranja madura"),
     L("orange", "橙色", "주황색", "arancione", "naranja")),
    (L("blueberry", "蓝莓", "블루베리", "un mirtillo maturo", "un arándano maduro"),
     L("dark blue", "深蓝色", "짙은 파란색", "blu scuro", "de color azul oscuro")),
    (L("lime", "青柠", "라임", "un lime maturo", "una lima madura"), L("green", "绿色", "초록색", "verde", "verde")),
    (L("cherry", "樱桃", "체리", "una ciliegia matura", "una cereza madura"),
     L("dark red", "深红色", "짙은 빨간색", "rosso scuro", "de color rojo oscuro")),
    (L("eggplant", "茄子", "가지", "una melanzana matura", "una berenjena madura"),
     L("purple", "紫色", "보라색", "viola", "morada")),
]
template(
    "colour",
    [L("What color is a ripe {f}?", "成熟的{f}是什么颜色的？", "잘 익은 {f:은} 무슨 색인가요?", "Di che colore è {f}?",
       "¿De qué color es {f}?")],
    L("A ripe {f} is usually {k}.", "成熟的{f}通常是{k}的。", "잘 익은 {f:은} 보통 {k}입니다.", "{f!c} è di solito {k}.",
      "{f!c} suele ser {k}."),
    [{"f": f, "k": k} for f, k in _COLOURS],
)
_FRUIT = L("{x!c} is a fruit. It grows from the flower of the plant and carries its seeds.",
           "{x}是水果。它由植物的花发育而来，里面有种子。",
           "{x:은} 과일입니다. 식물의 꽃에서 자라나며 씨앗을 품고 있습니다.",
           "{x!c} è un frutto: nasce dal fiore della pianta e contiene i semi.",
           "{x!c} es una fruta: nace de la flor de la planta y contiene sus semillas.")
_VEGETABLE = L("{x!c} is a vegetable: we eat its {part}.", "{x}是蔬菜，我们吃的是它的{part}。",
               "{x:은} 채소입니다. 우리는 주로 {part:을} 먹습니다.", "{x!c} è un ortaggio: se ne {part}.",
               "{x!c} es una verdura: nos comemos {part}.")
_PRODUCE = [
    {"x": L("an apple", "苹果", "사과", "la mela", "la manzana"), "_resp": _FRUIT},
    {"x": L("a carrot", "胡萝卜", "당근", "la carota", "la zanahoria"), "_resp": _VEGETABLE,
     "part": L("root", "根", "뿌리", "mangia la radice", "su raíz")},
    {"x": L("a pear", "梨", "배", "la pera", "la pera"), "_resp": _FRUIT},
    {"x": L("lettuce", "生菜", "상추", "la lattuga", "la lechuga"), "_resp": _VEGETABLE,
     "part": L("leaves", "叶子", "잎", "mangiano le foglie", "sus hojas")},
    {"x": L("a grape", "葡萄", "포도", "l'uva", "la uva"), "_resp": _FRUIT},
    {"x": L("an onion", "洋葱", "양파", "la cipolla", "la cebolla"), "_resp": _VEGETABLE,
     "part": L("bulb", "鳞茎", "알뿌리", "mangia il bulbo", "su bulbo")},
    {"x": L("a peach", "桃子", "복숭아", "la pesca", "el melocotón"), "_resp": _FRUIT},
    {"x": L("a potato", "土豆", "감자", "la patata", "la patata"), "_resp": _VEGETABLE,
     "part": L("tuber", "块茎", "덩이줄기", "mangia il tubero", "su tubérculo")},
    {"x": L("a watermelon", "西瓜", "수박", "l'anguria", "la sandía"), "_resp": _FRUIT},
    {"x": L("celery", "芹菜", "셀러리", "il sedano", "el apio"), "_resp": _VEGETABLE,
     "part": L("stalks", "茎", "줄기", "mangiano i gambi", "sus tallos")},
]
template(
    "fruit_or_vegetable",
    [L("Is {x} a fruit or a vegetable?", "{x}是水果还是蔬菜？", "{x:은} 과일인가요, 채소인가요?",
       "{x!c} è un frutto o un ortaggio?", "¿{x!c} es una fruta o una verdura?")],
    _FRUIT, _PRODUCE,
)

# --- places ------------------------------------------------------------------------------------
_LANDMARKS = [
    (L("Paris", "巴黎", "파리", "Parigi", "París"),
     L("the Eiffel Tower", "埃菲尔铁塔", "에펠탑", "la Torre Eiffel", "la Torre Eiffel")),
    (L("London", "伦敦", "런던", "Londra", "Londres"), L("Big Ben", "大本钟", "빅벤", "il Big Ben", "el Big Ben")),
    (L("New York", "纽约", "뉴욕", "New York", "Nueva York"),
     L("the Statue of Liberty", "自由女神像", "자유의 여신상", "la Statua della Libertà", "la Estatua de la Libertad")),
    (L("Beijing", "北京", "베이징", "Pechino", "Pekín"),
     L("the Forbidden City", "故宫", "자금성", "la Città Proibita", "la Ciudad Prohibida")),
    (L("Seoul", "首尔", "서울", "Seul", "Seúl"),
     L("Gyeongbokgung Palace", "景福宫", "경복궁", "il palazzo Gyeongbokgung", "el palacio Gyeongbokgung")),
    (L("Barcelona", "巴塞罗那", "바르셀로나", "Barcellona", "Barcelona"),
     L("the Sagrada Família", "圣家堂", "사그라다 파밀리아", "la Sagrada Família", "la Sagrada Familia")),
    (L("Sydney", "悉尼", "시드니", "Sydney", "Sídney"),
     L("the Opera House", "悉尼歌剧院", "시드니 오페라 하우스", "la Sydney Opera House", "la Ópera de Sídney")),
    (L("Athens", "雅典", "아테네", "Atene", "Atenas"), L("the Parthenon", "帕特农神庙", "파르테논 신전", "il Partenone", "el Partenón")),
    (L("Istanbul", "伊斯坦布尔", "이스탄불", "Istanbul", "Estambul"),
     L("Hagia Sophia", "圣索菲亚大教堂", "아야 소피아", "Santa Sofia", "Santa Sofía")),
    (L("Rio de Janeiro", "里约热内卢", "리우데자네이루", "Rio de Janeiro", "Río de Janeiro"),
     L("the statue of Christ the Redeemer", "救世基督像", "예수 그리스도상", "il Cristo Redentore", "el Cristo Redentor")),
    (L("Agra", "阿格拉", "아그라", "Agra", "Agra"), L("the Taj Mahal", "泰姬陵", "타지마할", "il Taj Mahal", "el Taj Mahal")),
    (L("Venice", "威尼斯", "베네치아", "Venezia", "Venecia"),
     L("the Rialto Bridge", "里亚尔托桥", "리알토 다리", "il Ponte di Rialto", "el Puente de Rialto")),
]
template(
    "landmark",
    [L("Name a famous landmark in {c}.", "说出{c}的一个著名地标。", "{c}의 유명한 랜드마크를 하나 알려 주세요.",
       "Indica un monumento famoso di {c}.", "Nombra un monumento famoso de {c}.")],
    L("A famous landmark in {c} is {m}. Many visitors go there every year.",
      "{c}的一个著名地标是{m}，每年都有很多游客去参观。",
      "{c}의 유명한 랜드마크로는 {m:이} 있습니다. 매년 많은 관광객이 이곳을 찾습니다.",
      "Un monumento famoso di {c} è {m}, che ogni anno attira moltissimi visitatori.",
      "Un monumento famoso de {c} es {m}, que cada año recibe a muchísimos visitantes."),
    [{"c": c, "m": m} for c, m in _LANDMARKS],
)
