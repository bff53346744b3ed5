"""Hand-written writing tasks for the parallel sample: messages, slogans, suggestions, rewrites,
recipes, comparisons, "why" questions and tiny stories, in en, zh, ko, it, es.

Where the instruction's grammar differs too much between entities it is written out in full
(slot ``i``); the answer is always written out (slot ``r``).
"""

from __future__ import annotations

from make_parallel_sample import ANSWER, L, collector, same

TEMPLATES, template = collector()
OWN = same("{i}")


# --- short messages -----------------------------------------------------------------------------
template("message", [OWN], ANSWER, [
    {"i": L("Write a short message thanking a friend for a birthday present.",
            "写一条简短的消息，感谢朋友送的生日礼物。",
            "생일 선물을 준 친구에게 감사하는 짧은 메시지를 써 주세요.",
            "Scrivi un breve messaggio per ringraziare un amico di un regalo di compleanno.",
            "Escribe un mensaje breve para darle las gracias a un amigo por un regalo de cumpleaños."),
     "r": L("Hi Sam, thank you so much for the lovely scarf! It is exactly my colour and I have already worn it "
            "twice. Let's meet for coffee soon. Love, Anna",
            "亲爱的小林，非常感谢你送我的围巾！颜色正是我喜欢的，我已经戴了两次了。我们找时间一起喝杯咖啡吧。小美",
            "지훈아, 예쁜 목도리 정말 고마워! 딱 내가 좋아하는 색이라 벌써 두 번이나 하고 나갔어. 조만간 커피 한잔하자. "
            "민지가",
            "Ciao Marco, grazie mille per la bellissima sciarpa! È proprio il mio colore e l'ho già messa due volte. "
            "Prendiamoci un caffè presto. Un abbraccio, Giulia",
            "¡Hola, Pablo! Muchísimas gracias por la bufanda, es preciosa. Es justo mi color y ya me la he puesto dos "
            "veces. A ver si quedamos pronto para tomar un café. Un abrazo, Lucía")},
    {"i": L("Write a short message inviting a colleague to lunch on Friday.",
            "写一条简短的消息，邀请同事周五一起吃午饭。",
            "동료에게 금요일 점심을 같이 먹자고 제안하는 짧은 메시지를 써 주세요.",
            "Scrivi un breve messaggio per invitare un collega a pranzo venerdì.",
            "Escribe un mensaje breve para invitar a un compañero de trabajo a comer el viernes."),
     "r": L("Hi Tom, would you like to have lunch together on Friday? There is a new Thai place near the office "
            "that I have wanted to try. Let me know if 12:30 works for you.",
            "王哥，周五中午一起吃个午饭怎么样？公司附近新开了一家泰国餐厅，我一直想去试试。十二点半你方便吗？",
            "수진 씨, 금요일에 점심 같이 드실래요? 회사 근처에 새로 생긴 태국 음식점이 있는데 한번 가 보고 싶었어요. "
            "12시 30분 괜찮으시면 알려 주세요.",
            "Ciao Luca, ti andrebbe di pranzare insieme venerdì? Vicino all'ufficio ha aperto un ristorante "
            "thailandese che volevo provare. Fammi sapere se per te va bene alle 12:30.",
            "Hola, Javier: ¿te apetece que comamos juntos el viernes? Han abierto un restaurante tailandés cerca de "
            "la oficina que tengo ganas de probar. Dime si te viene bien a las 12:30.")},
    {"i": L("Write a short note to a teacher saying that my son will miss school tomorrow.",
            "给老师写一张简短的便条，说明我儿子明天不能去上学。",
            "아들이 내일 학교에 가지 못한다고 선생님께 알리는 짧은 글을 써 주세요.",
            "Scrivi un breve messaggio all'insegnante per dire che domani mio figlio non andrà a scuola.",
            "Escribe una nota breve a la profesora para decirle que mañana mi hijo no irá al colegio."),
     "r": L("Dear Ms Green, I am writing to let you know that my son Leo will be absent tomorrow because he has a "
            "doctor's appointment. He will be back on Thursday. Thank you for your understanding.",
            "李老师您好，我儿子小乐明天要去看医生，所以不能到校上课，周四会正常返校。谢谢您的理解！",
            "선생님, 안녕하세요. 저희 아들 준호가 내일 병원 진료가 있어서 학교에 가지 못한다는 말씀을 드리려고 "
            "연락드립니다. 목요일부터는 정상적으로 등교할 예정입니다. 양해해 주셔서 감사합니다.",
            "Gentile maestra, le scrivo per avvisarla che domani mio figlio Leo sarà assente perché ha una visita "
            "medica. Tornerà a scuola giovedì. La ringrazio per la comprensione.",
            "Estimada señora García: le escribo para avisarle de que mañana mi hijo Leo no irá a clase porque tiene "
            "cita con el médico. Volverá el jueves. Gracias por su comprensión.")},
    {"i": L("Write a short apology to my neighbour for the noise at my party last night.",
            "为昨晚聚会太吵的事，给邻居写一段简短的道歉。",
            "어젯밤 파티 소음에 대해 이웃에게 사과하는 짧은 글을 써 주세요.",
            "Scrivi un breve messaggio di scuse al mio vicino per il rumore della festa di ieri sera.",
            "Escribe una breve disculpa a mi vecino por el ruido de mi fiesta de anoche."),
     "r": L("Dear Mr Hill, I am sorry about the noise from my party last night. It went on much later than I "
            "planned. Next time I will let you know in advance and keep the music down after ten.",
            "张叔叔您好，昨晚我家聚会太吵了，真的很抱歉，结束得比我预想的晚了很多。下次我会提前告诉您，并且十点以后把音乐关小。",
            "안녕하세요, 옆집에 사는 사람입니다. 어젯밤 파티 때문에 시끄럽게 해서 정말 죄송합니다. 생각보다 훨씬 늦게까지 "
            "이어졌네요. 다음에는 미리 말씀드리고 밤 10시 이후에는 음악 소리를 줄이겠습니다.",
            "Gentile signor Rossi, mi scuso per il rumore della mia festa di ieri sera: è andata avanti molto più a "
            "lungo del previsto. La prossima volta la avviserò prima e abbasserò la musica dopo le dieci.",
            "Estimado señor López: siento mucho el ruido de mi fiesta de anoche; se alargó mucho más de lo que tenía "
            "previsto. La próxima vez le avisaré con antelación y bajaré la música a partir de las diez.")},
    {"i": L("Write a short message congratulating a friend on her new job.",
            "写一条简短的消息，祝贺朋友找到了新工作。",
            "새 직장을 구한 친구에게 축하 메시지를 짧게 써 주세요.",
            "Scrivi un breve messaggio per fare i complimenti a un'amica per il suo nuovo lavoro.",
            "Escribe un mensaje breve para felicitar a una amiga por su nuevo trabajo."),
     "r": L("Congratulations on the new job, Emma! You worked so hard for this and you really deserve it. I can't "
            "wait to hear all about your first week.",
            "恭喜你找到新工作，小雨！你为此付出了那么多努力，这是你应得的。真想快点听你讲讲第一周的情况！",
            "새 직장 구한 거 정말 축하해, 서연아! 그동안 얼마나 열심히 준비했는지 아니까 더 기쁘다. 첫 주가 어땠는지 "
            "빨리 듣고 싶어.",
            "Congratulazioni per il nuovo lavoro, Sara! Ti sei impegnata tantissimo e te lo meriti davvero. Non vedo "
            "l'ora di sapere com'è andata la prima settimana.",
            "¡Enhorabuena por el nuevo trabajo, Marta! Te has esforzado muchísimo y te lo mereces de verdad. Tengo "
            "muchas ganas de que me cuentes qué tal tu primera semana.")},
    {"i": L("Write a short reminder to my team about tomorrow's meeting.",
            "给团队写一条简短的提醒，告诉大家明天要开会。",
            "팀원들에게 내일 회의를 알리는 짧은 메시지를 써 주세요.",
            "Scrivi un breve promemoria al mio gruppo di lavoro per la riunione di domani.",
            "Escribe un recordatorio breve a mi equipo sobre la reunión de mañana."),
     "r": L("Hi everyone, just a reminder that our team meeting is tomorrow at 10:00 in room 3. Please bring your "
            "project updates. See you there!",
            "各位好，提醒一下：明天上午十点在三号会议室开团队会议，请大家带上各自的项目进展。明天见！",
            "안녕하세요, 여러분. 내일 오전 10시에 3번 회의실에서 팀 회의가 있다는 점 다시 한번 알려 드립니다. 각자 "
            "프로젝트 진행 상황을 준비해 와 주세요. 내일 뵙겠습니다!",
            "Ciao a tutti, vi ricordo che la riunione del gruppo è domani alle 10:00 nella sala 3. Portate gli "
            "aggiornamenti sui vostri progetti. A domani!",
            "Hola a todos: os recuerdo que la reunión del equipo es mañana a las 10:00 en la sala 3. Traed las "
            "novedades de vuestros proyectos. ¡Nos vemos allí!")},
    {"i": L("Write a short thank-you message to friends who invited me to dinner.",
            "写一条简短的感谢消息，发给请我吃晚饭的朋友。",
            "저녁 식사에 초대해 준 친구들에게 짧은 감사 메시지를 써 주세요.",
            "Scrivi un breve messaggio di ringraziamento agli amici che mi hanno invitato a cena.",
            "Escribe un mensaje breve de agradecimiento a unos amigos que me invitaron a cenar."),
     "r": L("Thank you both for a wonderful evening! The lasagne was delicious and it was so good to catch up. Next "
            "time dinner is at my place.",
            "谢谢你们昨晚的热情款待！千层面太好吃了，能和你们好好聊聊天真开心。下次换我请你们来家里吃饭。",
            "어제 초대해 줘서 정말 고마워! 라자냐가 너무 맛있었고 오랜만에 이야기 나눌 수 있어서 정말 즐거웠어. 다음에는 "
            "우리 집에서 저녁 먹자.",
            "Grazie a tutti e due per la splendida serata! Le lasagne erano buonissime ed è stato bello rivedervi con "
            "calma. La prossima volta la cena è da me.",
            "¡Gracias a los dos por una noche estupenda! La lasaña estaba buenísima y me encantó poder charlar con "
            "calma. La próxima cena, en mi casa.")},
    {"i": L("Write a short message asking a colleague to swap shifts with me on Saturday.",
            "写一条简短的消息，请同事周六和我换个班。",
            "동료에게 토요일 근무를 바꿔 달라고 부탁하는 짧은 메시지를 써 주세요.",
            "Scrivi un breve messaggio per chiedere a una collega di scambiare il turno con me sabato.",
            "Escribe un mensaje breve para pedirle a una compañera que me cambie el turno del sábado."),
     "r": L("Hi Nina, could you swap shifts with me this Saturday? I have a family event in the morning. I would be "
            "happy to take your Sunday shift instead. Thanks a lot!",
            "小陈，这周六能和我换个班吗？我上午家里有点事。作为交换，我可以替你上周日的班。太感谢了！",
            "지은 씨, 이번 주 토요일 근무를 저와 바꿔 주실 수 있을까요? 오전에 집안 행사가 있어서요. 대신 일요일 근무는 "
            "제가 맡겠습니다. 정말 고맙습니다!",
            "Ciao Chiara, potresti scambiare il turno con me questo sabato? La mattina ho un impegno di famiglia. In "
            "cambio posso fare io il tuo turno di domenica. Grazie mille!",
            "Hola, Elena: ¿podrías cambiarme el turno de este sábado? Tengo un compromiso familiar por la mañana. A "
            "cambio, puedo hacer yo tu turno del domingo. ¡Muchas gracias!")},
])

# --- slogans ------------------------------------------------------------------------------------------
template("slogan", [
    L("Write a short slogan for {b}.", "为{b}写一句简短的广告语。", "{b:을} 위한 짧은 광고 문구를 써 주세요.",
      "Scrivi uno slogan breve per {b}.", "Escribe un eslogan corto para {b}."),
    L("Suggest a slogan for {b}.", "给{b}推荐一句宣传口号。", "{b}에 어울리는 슬로건을 하나 추천해 주세요.",
      "Suggerisci uno slogan per {b}.", "Sugiere un eslogan para {b}."),
], L('Here is one idea: "{s}"', "这里有一个想法：“{s}”", '이런 문구는 어떨까요? "{s}"', 'Ecco una proposta: "{s}"',
     'Aquí tienes una propuesta: "{s}"'), [
    {"b": L("a bicycle shop", "一家自行车店", "자전거 가게", "un negozio di biciclette", "una tienda de bicicletas"),
     "s": L("Two wheels, endless roads.", "两个轮子，无尽的路。", "두 바퀴로 어디든지.", "Due ruote, strade infinite.",
            "Dos ruedas, caminos sin fin.")},
    {"b": L("a bookshop", "一家书店", "서점", "una libreria", "una librería"),
     "s": L("Every shelf is a new adventure.", "每一排书架，都是一场新的冒险。", "책장마다 새로운 모험이 기다립니다.",
            "Ogni scaffale è una nuova avventura.", "Cada estante es una nueva aventura.")},
    {"b": L("an ice cream shop", "一家冰淇淋店", "아이스크림 가게", "una gelateria", "una heladería"),
     "s": L("Life is short, have another scoop.", "人生苦短，再来一勺。", "인생은 짧아요, 한 스쿱 더!",
            "La vita è breve: prendi un'altra pallina.", "La vida es corta: pide otra bola.")},
    {"b": L("a yoga studio", "一家瑜伽馆", "요가 스튜디오", "uno studio di yoga", "un estudio de yoga"),
     "s": L("Breathe in calm, breathe out stress.", "吸入平静，呼出压力。", "평온은 들이쉬고, 스트레스는 내쉬고.",
            "Inspira calma, espira stress.", "Inspira calma, suelta el estrés.")},
    {"b": L("a flower shop", "一家花店", "꽃집", "un fioraio", "una floristería"),
     "s": L("Say it with flowers, every day.", "用鲜花表达心意，每一天。", "매일, 꽃으로 마음을 전하세요.",
            "Dillo con un fiore, ogni giorno.", "Dilo con flores, cada día.")},
    {"b": L("a public library", "一家公共图书馆", "공공 도서관", "una biblioteca pubblica", "una biblioteca pública"),
     "s": L("Free to read, free to dream.", "免费阅读，自由梦想。", "마음껏 읽고, 마음껏 꿈꾸세요.",
            "Liberi di leggere, liberi di sognare.", "Libres para leer, libres para soñar.")},
    {"b": L("a recycling campaign", "一项垃圾回收活动", "재활용 캠페인", "una campagna per il riciclo",
            "una campaña de reciclaje"),
     "s": L("Don't throw it away, give it another day.", "别急着扔掉，让它再用一次。", "버리기 전에 한 번 더 생각하세요.",
            "Non buttarlo, dagli una seconda vita.", "No lo tires, dale otra vida.")},
    {"b": L("a dog-walking service", "一家遛狗服务公司", "강아지 산책 서비스", "un servizio di passeggiate per cani",
            "un servicio de paseo de perros"),
     "s": L("Happy dogs, happy owners.", "狗狗开心，主人放心。", "강아지도 행복, 주인도 행복.", "Cani felici, padroni felici.",
            "Perros felices, dueños felices.")},
])

# --- three suggestions ------------------------------------------------------------------------------
# Written as prose, not as a numbered list: trained on a few "1. ...\n2. ...\n3. ..." answers, the
# tiny demo model learned to open answers to unseen instructions with "1." or "3." and then stall
# (an answer of "1." alone, or no target block), in both the PLUG and the direct model.
LEAD = L("Here are three suggestions.", "这里有三个建议。", "세 가지를 추천해 드릴게요.", "Ecco tre suggerimenti.",
         "Aquí tienes tres sugerencias.")
ORDINALS = L(("First, ", "Second, ", "Third, "), ("第一，", "第二，", "第三，"), ("첫째, ", "둘째, ", "셋째, "),
             ("Primo, ", "Secondo, ", "Terzo, "), ("Primero, ", "Segundo, ", "Tercero, "))
NAMES = ("Simon", "Simón")  # items that open with a name keep their capital


def as_prose(items: tuple[str, ...]) -> tuple[str, ...]:
    """``1. A.\n2. B.\n3. C.`` in each language -> a lead sentence and three ordinal sentences."""
    out = []
    for lang, (text, lead, ordinals) in enumerate(zip(items, LEAD, ORDINALS)):
        parts = [line.split(". ", 1)[1] for line in text.split("\n")]
        assert len(parts) == 3, text
        if lang not in (1, 2):  # en, it, es: the item now follows a comma
            parts = [p if p.startswith(NAMES) else p[:1].lower() + p[1:] for p in parts]
        sep = "" if lang == 1 else " "
        out.append(sep.join([lead, *(o + p for o, p in zip(ordinals, parts))]))
    return tuple(out)


def _prose_answers(entities: list[dict]) -> list[dict]:
    return [{**e, "r": as_prose(e["r"])} for e in entities]


template("ideas", [OWN], ANSWER, _prose_answers([
    {"i": L("Give me three ideas for a rainy afternoon with children.", "给我三个和孩子一起度过下雨天下午的点子。",
            "아이들과 비 오는 오후를 보낼 아이디어 세 가지를 알려 주세요.",
            "Dammi tre idee per un pomeriggio di pioggia con i bambini.",
            "Dame tres ideas para una tarde de lluvia con niños."),
     "r": L("1. Build a blanket fort and read stories inside it.\n2. Bake simple biscuits together.\n3. Hold a "
            "family board game tournament.",
            "1. 用毯子搭一个小帐篷，在里面讲故事。\n2. 一起烤简单的小饼干。\n3. 举办一场家庭桌游比赛。",
            "1. 담요로 아지트를 만들고 그 안에서 책을 읽어요.\n2. 함께 간단한 쿠키를 구워요.\n3. 가족 보드게임 대회를 "
            "열어요.",
            "1. Costruite una tenda con le coperte e leggete storie al suo interno.\n2. Preparate insieme dei biscotti "
            "semplici.\n3. Organizzate un torneo di giochi da tavolo in famiglia.",
            "1. Construid una cabaña con mantas y leed cuentos dentro.\n2. Haced juntos unas galletas sencillas.\n3. "
            "Organizad un torneo familiar de juegos de mesa.")},
    {"i": L("Suggest three cheap ideas for a weekend with friends.", "推荐三个和朋友过周末的省钱点子。",
            "친구들과 주말을 저렴하게 보낼 아이디어 세 가지를 추천해 주세요.",
            "Suggeriscimi tre idee economiche per un fine settimana con gli amici.",
            "Sugiéreme tres ideas baratas para un fin de semana con amigos."),
     "r": L("1. Have a picnic in a park.\n2. Organise a film night at home where everyone brings a snack.\n3. Go on "
            "a day hike and cook dinner together afterwards.",
            "1. 去公园野餐。\n2. 在家办一个电影之夜，每人带一份零食。\n3. 白天去徒步，回来后一起做晚饭。",
            "1. 공원에서 소풍을 즐겨요.\n2. 각자 간식을 하나씩 가져와 집에서 영화의 밤을 열어요.\n3. 낮에는 등산을 하고 "
            "돌아와서 함께 저녁을 만들어요.",
            "1. Fate un picnic al parco.\n2. Organizzate una serata film a casa in cui ognuno porta uno spuntino.\n3. "
            "Fate un'escursione di un giorno e poi cucinate la cena insieme.",
            "1. Haced un pícnic en un parque.\n2. Organizad una noche de cine en casa en la que cada uno lleve algo de "
            "picar.\n3. Id de excursión durante el día y después preparad la cena juntos.")},
    {"i": L("List three ways to reduce plastic waste at home.", "列出在家减少塑料垃圾的三种方法。",
            "집에서 플라스틱 쓰레기를 줄이는 방법 세 가지를 알려 주세요.",
            "Elenca tre modi per ridurre i rifiuti di plastica in casa.",
            "Enumera tres formas de reducir los residuos de plástico en casa."),
     "r": L("1. Carry a reusable bag and water bottle.\n2. Buy loose fruit and vegetables instead of packaged ones."
            "\n3. Store leftovers in glass jars rather than plastic wrap.",
            "1. 随身携带可重复使用的购物袋和水瓶。\n2. 买散装的水果和蔬菜，不买包装好的。\n3. 用玻璃罐装剩菜，不用保鲜膜。",
            "1. 장바구니와 텀블러를 가지고 다녀요.\n2. 포장된 것 대신 낱개로 파는 과일과 채소를 사요.\n3. 남은 음식은 랩 "
            "대신 유리 용기에 보관해요.",
            "1. Porta con te una borsa riutilizzabile e una borraccia.\n2. Compra frutta e verdura sfuse invece che "
            "confezionate.\n3. Conserva gli avanzi in barattoli di vetro invece che nella pellicola.",
            "1. Lleva una bolsa reutilizable y una botella de agua.\n2. Compra la fruta y la verdura a granel en lugar "
            "de envasada.\n3. Guarda las sobras en tarros de cristal en vez de en film transparente.")},
    {"i": L("Give me three ideas for a birthday present for my grandmother.", "给我三个送奶奶生日礼物的点子。",
            "할머니 생신 선물로 좋은 아이디어 세 가지를 알려 주세요.",
            "Dammi tre idee per un regalo di compleanno per mia nonna.",
            "Dame tres ideas de regalo de cumpleaños para mi abuela."),
     "r": L("1. A photo album with pictures of the whole family.\n2. A warm, soft blanket for the winter.\n3. A day "
            "out together at her favourite garden or museum.",
            "1. 一本收录全家人照片的相册。\n2. 一条冬天用的柔软保暖的毯子。\n3. 陪她去她最喜欢的花园或博物馆玩一天。",
            "1. 온 가족의 사진을 담은 앨범.\n2. 겨울에 덮을 포근하고 부드러운 담요.\n3. 할머니가 좋아하시는 정원이나 "
            "박물관에서 함께 보내는 하루.",
            "1. Un album con le foto di tutta la famiglia.\n2. Una coperta calda e morbida per l'inverno.\n3. Una "
            "giornata insieme nel suo giardino o museo preferito.",
            "1. Un álbum con fotos de toda la familia.\n2. Una manta suave y calentita para el invierno.\n3. Un día "
            "juntos en su jardín o museo favorito.")},
    {"i": L("What are three things I can do to make my mornings less stressful?",
            "我可以做哪三件事，让早晨不那么手忙脚乱？",
            "아침을 덜 정신없이 보내려면 어떤 세 가지를 하면 좋을까요?",
            "Quali sono tre cose che posso fare per rendere le mie mattine meno stressanti?",
            "¿Qué tres cosas puedo hacer para que mis mañanas sean menos estresantes?"),
     "r": L("1. Prepare your clothes and bag the night before.\n2. Get up fifteen minutes earlier.\n3. Leave your "
            "phone alone until you have had breakfast.",
            "1. 前一天晚上就准备好衣服和包。\n2. 提早十五分钟起床。\n3. 吃完早饭之前先别看手机。",
            "1. 전날 밤에 옷과 가방을 미리 챙겨 두세요.\n2. 15분 일찍 일어나세요.\n3. 아침을 먹기 전까지는 휴대폰을 "
            "보지 마세요.",
            "1. Prepara i vestiti e la borsa la sera prima.\n2. Alzati quindici minuti prima.\n3. Non guardare il "
            "telefono finché non hai fatto colazione.",
            "1. Prepara la ropa y la mochila la noche anterior.\n2. Levántate quince minutos antes.\n3. No mires el "
            "móvil hasta después de desayunar.")},
    {"i": L("Name three easy games to play at a children's party.", "说出三个适合在儿童聚会上玩的简单游戏。",
            "어린이 파티에서 할 수 있는 쉬운 게임 세 가지를 알려 주세요.",
            "Indica tre giochi facili da fare a una festa per bambini.", "Dime tres juegos fáciles para una fiesta infantil."),
     "r": L("1. Musical chairs.\n2. A treasure hunt with small prizes.\n3. Simon says.",
            "1. 抢椅子。\n2. 寻宝游戏，准备一些小奖品。\n3. “我说你做”游戏。",
            "1. 의자 뺏기 놀이.\n2. 작은 상품을 건 보물찾기.\n3. 가라사대 게임.",
            "1. Il gioco delle sedie.\n2. La caccia al tesoro con piccoli premi.\n3. Simon dice.",
            "1. El juego de las sillas.\n2. Una búsqueda del tesoro con pequeños premios.\n3. Simón dice.")},
]))

# --- code ---------------------------------------------------------------------------------------
# No code rows: with six of them (issue 14), the tiny PLUG model pulled unseen instructions into
# half-remembered code whose lines never led to the target block (half the misses of seeds 3 and 4
# on the larger sample).  The X-AlpacaEval sample's one code instruction is answered in prose.

# --- rewriting ----------------------------------------------------------------------------------------
template("polite", [
    L('Make this sentence more polite: "{s}"', "把这句话改得更礼貌一些：“{s}”", '이 문장을 더 공손하게 바꿔 주세요: "{s}"',
      'Rendi più cortese questa frase: "{s}"', 'Haz más cortés esta frase: "{s}"'),
], L('A more polite version: "{p}"', "更礼貌的说法：“{p}”", '더 공손하게 말하면 이렇게 됩니다: "{p}"',
     'Una versione più cortese: "{p}"', 'Una versión más cortés: "{p}"'), [
    {"s": L("Give me the salt.", "把盐给我。", "소금 줘.", "Dammi il sale.", "Dame la sal."),
     "p": L("Could you pass me the salt, please?", "可以麻烦你把盐递给我吗？", "소금 좀 건네주시겠어요?",
            "Mi passeresti il sale, per favore?", "¿Me pasas la sal, por favor?")},
    {"s": L("Close the window.", "关窗。", "창문 닫아.", "Chiudi la finestra.", "Cierra la ventana."),
     "p": L("Would you mind closing the window, please?", "您介意把窗户关上吗？", "창문 좀 닫아 주시겠어요?",
            "Ti dispiacerebbe chiudere la finestra, per favore?", "¿Te importaría cerrar la ventana, por favor?")},
    {"s": L("I want a coffee.", "我要一杯咖啡。", "커피 줘.", "Voglio un caffè.", "Quiero un café."),
     "p": L("I would like a coffee, please.", "麻烦给我来一杯咖啡，谢谢。", "커피 한 잔 부탁드립니다.",
            "Vorrei un caffè, per favore.", "Querría un café, por favor.")},
    {"s": L("Call me back.", "给我回电话。", "다시 전화해.", "Richiamami.", "Llámame."),
     "p": L("Could you call me back when you have a moment?", "您有空的时候能给我回个电话吗？",
            "시간 되실 때 다시 전화 주실 수 있을까요?", "Potresti richiamarmi quando hai un momento?",
            "¿Podrías devolverme la llamada cuando tengas un momento?")},
    {"s": L("Be quiet.", "安静点。", "조용히 해.", "Stai zitto.", "Cállate."),
     "p": L("Could you please keep your voice down a little?", "能请您稍微小声一点吗？", "조금만 조용히 해 주시겠어요?",
            "Potresti parlare un po' più piano, per favore?", "¿Podrías hablar un poco más bajo, por favor?")},
    {"s": L("Send me the photos.", "把照片发给我。", "사진 보내.", "Mandami le foto.", "Mándame las fotos."),
     "p": L("Could you send me the photos when you get a chance?", "您方便的时候能把照片发给我吗？",
            "시간 되실 때 사진 좀 보내 주시겠어요?", "Potresti mandarmi le foto quando puoi?",
            "¿Podrías mandarme las fotos cuando puedas?")},
])
