"""More hand-written open-ended rows for the parallel sample (set b): new instruction shapes and topics.

Same structure as sample_texts: each entity carries its own answer in five languages (en, zh, ko,
it, es).  None of the instructions or topics is taken from the X-AlpacaEval sample.
"""

from __future__ import annotations

from make_parallel_sample import ANSWER, L, collector, same

TEMPLATES, template = collector()
OWN = same("{q}")  # each entity writes its own instruction ("q") and answer ("r")


# --- define: what a word or idea means ---------------------------------------------------------------
template("define", [OWN], ANSWER, [
    {"q": L("What does the word \"nostalgia\" mean?", "“怀旧”这个词是什么意思？", "'향수'라는 말은 무슨 뜻인가요?",
            "Che cosa significa la parola \"nostalgia\"?", "¿Qué significa la palabra \"nostalgia\"?"),
     "r": L("Nostalgia is a warm but slightly sad feeling you get when you think about happy times in the past, such "
            "as your childhood or an old home.",
            "怀旧是一种温暖又带点伤感的情绪，当你想起过去的快乐时光，比如童年或者以前住过的家时，就会有这种感觉。",
            "향수는 어린 시절이나 예전에 살던 집처럼 지나간 행복한 시절을 떠올릴 때 느끼는, 따뜻하면서도 조금 슬픈 감정입니다.",
            "La nostalgia è una sensazione dolce ma un po' triste che si prova pensando ai momenti felici del passato, "
            "come l'infanzia o una vecchia casa.",
            "La nostalgia es un sentimiento cálido pero algo triste que aparece cuando piensas en momentos felices del "
            "pasado, como la infancia o una antigua casa.")},
    {"q": L("Define \"procrastination\" in one or two sentences.", "用一两句话解释“拖延”是什么。",
            "'미루기'가 무엇인지 한두 문장으로 정의해 주세요.", "Definisci la \"procrastinazione\" in una o due frasi.",
            "Define la \"procrastinación\" en una o dos frases."),
     "r": L("Procrastination means putting off a task you know you should do, often by doing something easier or "
            "more pleasant instead, even though the delay causes stress later.",
            "拖延是指把明知应该做的事一推再推，常常转而去做更轻松或更愉快的事情，尽管这样拖下去以后会带来压力。",
            "미루기란 해야 한다는 것을 알면서도 일을 뒤로 미루고, 대신 더 쉽거나 즐거운 일을 하는 것을 말합니다. 그렇게 미루면 "
            "나중에 스트레스를 받게 되지요.",
            "Procrastinare significa rimandare un compito che sai di dover fare, spesso dedicandoti a qualcosa di più "
            "facile o piacevole, anche se il ritardo poi ti crea stress.",
            "Procrastinar es dejar para más tarde una tarea que sabes que debes hacer, a menudo haciendo algo más fácil "
            "o agradable, aunque el retraso te cause estrés después.")},
    {"q": L("My daughter asked me what a haiku is and I did not know. Can you tell me?",
            "我女儿问我什么是俳句，我答不上来。你能告诉我吗？", "딸아이가 하이쿠가 뭐냐고 물었는데 대답을 못 했어요. 알려 줄 수 있나요?",
            "Mia figlia mi ha chiesto che cos'è un haiku e non lo sapevo. Me lo spieghi?",
            "Mi hija me preguntó qué es un haiku y no lo sabía. ¿Me lo explicas?"),
     "r": L("A haiku is a very short poem from Japan. It has three lines of five, seven and five syllables, and it "
            "usually describes a simple moment in nature, such as falling snow.",
            "俳句是一种源自日本的短诗。它分三行，音节数分别是五、七、五，通常描写大自然中一个简单的瞬间，比如飘落的雪。",
            "하이쿠는 일본에서 온 아주 짧은 시입니다. 5음절, 7음절, 5음절로 된 세 줄로 이루어져 있고, 보통 눈이 내리는 모습처럼 "
            "자연 속의 소박한 순간을 그립니다.",
            "L'haiku è una poesia giapponese molto breve. Ha tre versi di cinque, sette e cinque sillabe e di solito "
            "descrive un semplice momento della natura, come la neve che cade.",
            "El haiku es un poema japonés muy breve. Tiene tres versos de cinco, siete y cinco sílabas y suele "
            "describir un momento sencillo de la naturaleza, como la nieve que cae.")},
    {"q": L("What is meant by biodiversity?", "“生物多样性”指的是什么？", "생물 다양성이란 무엇을 뜻하나요?",
            "Che cosa si intende per biodiversità?", "¿Qué se entiende por biodiversidad?"),
     "r": L("Biodiversity is the variety of living things in a place, from plants and insects to birds and mammals. "
            "High biodiversity keeps nature healthy, because each species plays a part.",
            "生物多样性是指一个地方生物的丰富程度，从植物、昆虫到鸟类和哺乳动物都包括在内。生物多样性高，自然才健康，因为每个物种都发挥着作用。",
            "생물 다양성은 식물과 곤충부터 새와 포유류까지, 한 지역에 사는 생물이 얼마나 다양한지를 말합니다. 종마다 맡은 "
            "역할이 있어서 생물 다양성이 높을수록 자연이 건강하게 유지됩니다.",
            "La biodiversità è la varietà di esseri viventi in un luogo, dalle piante agli insetti, dagli uccelli ai "
            "mammiferi. Una biodiversità alta mantiene sana la natura, perché ogni specie ha il suo ruolo.",
            "La biodiversidad es la variedad de seres vivos de un lugar, desde plantas e insectos hasta aves y "
            "mamíferos. Una biodiversidad alta mantiene sana la naturaleza, porque cada especie cumple una función.")},
    {"q": L("Give me a simple definition of a metaphor, with an example.", "给我一个简单的“比喻”定义，再举个例子。",
            "은유가 무엇인지 예를 들어 간단히 정의해 주세요.", "Dammi una definizione semplice di metafora, con un esempio.",
            "Dame una definición sencilla de metáfora, con un ejemplo."),
     "r": L("A metaphor describes one thing by calling it something else, without using \"like\" or \"as\". For "
            "example, \"Time is a thief\" suggests that time quietly takes things away from us.",
            "隐喻是不用“像”“好比”这类词，直接把一种事物说成另一种事物。例如“时间是小偷”，意思是时间会悄悄地从我们身边拿走东西。",
            "은유는 '~처럼', '~같이'라는 말을 쓰지 않고 어떤 것을 다른 것이라고 직접 부르는 표현입니다. 예를 들어 '시간은 "
            "도둑이다'라고 하면 시간이 우리에게서 무언가를 조용히 빼앗아 간다는 뜻이 됩니다.",
            "La metafora descrive una cosa chiamandola con il nome di un'altra, senza usare \"come\". Per esempio, "
            "\"Il tempo è un ladro\" suggerisce che il tempo ci porta via le cose in silenzio.",
            "La metáfora describe una cosa llamándola con el nombre de otra, sin usar \"como\". Por ejemplo, \"El "
            "tiempo es un ladrón\" sugiere que el tiempo nos quita cosas en silencio.")},
    {"q": L("Explain the term \"compound interest\" to someone who has never saved money.",
            "向一个从来没有存过钱的人解释“复利”这个词。", "저축을 해 본 적 없는 사람에게 '복리'라는 말을 설명해 주세요.",
            "Spiega il termine \"interesse composto\" a chi non ha mai risparmiato.",
            "Explica el término \"interés compuesto\" a alguien que nunca ha ahorrado."),
     "r": L("Compound interest means you earn interest not only on the money you put in, but also on the interest "
            "you have already earned, so your savings grow faster the longer you leave them.",
            "复利是指你不仅能从存入的本金上拿到利息，之前得到的利息也会继续产生利息，所以钱存得越久，增长得越快。",
            "복리란 처음 넣은 돈뿐 아니라 이미 받은 이자에도 다시 이자가 붙는 방식입니다. 그래서 오래 맡겨 둘수록 돈이 더 빨리 "
            "불어납니다.",
            "L'interesse composto significa che guadagni interessi non solo sui soldi che hai versato, ma anche sugli "
            "interessi già maturati, quindi più a lungo li lasci, più i risparmi crescono in fretta.",
            "El interés compuesto significa que ganas intereses no solo por el dinero que ingresas, sino también por "
            "los intereses que ya has ganado, así que cuanto más tiempo lo dejas, más rápido crecen tus ahorros.")},
    {"q": L("In plain words, what is an allergy?", "用通俗的话说，什么是过敏？", "쉬운 말로 알레르기가 뭔가요?",
            "In parole semplici, che cos'è un'allergia?", "En palabras sencillas, ¿qué es una alergia?"),
     "r": L("An allergy happens when your body's defence system treats something harmless, like pollen or peanuts, "
            "as a danger. It then overreacts, causing sneezing, itching or swelling.",
            "过敏是指身体的免疫系统把花粉、花生这类本来无害的东西当成了危险，于是反应过度，引起打喷嚏、发痒或肿胀。",
            "알레르기는 몸의 방어 체계가 꽃가루나 땅콩처럼 해롭지 않은 것을 위험한 것으로 잘못 알고 지나치게 반응하는 것입니다. "
            "그 결과 재채기나 가려움, 붓기가 생깁니다.",
            "Un'allergia si ha quando le difese del corpo scambiano per un pericolo qualcosa di innocuo, come il "
            "polline o le arachidi, e reagiscono in modo eccessivo, causando starnuti, prurito o gonfiore.",
            "Una alergia ocurre cuando las defensas del cuerpo toman por peligrosa una cosa inofensiva, como el polen o "
            "los cacahuetes, y reaccionan de más, provocando estornudos, picor o hinchazón.")},
    {"q": L("What's the meaning of the phrase \"break the ice\"?", "英语短语“break the ice”（打破僵局）是什么意思？",
            "'어색한 분위기를 깨다'라는 표현은 무슨 뜻인가요?", "Che cosa vuol dire l'espressione \"rompere il ghiaccio\"?",
            "¿Qué significa la expresión \"romper el hielo\"?"),
     "r": L("To break the ice means to say or do something that helps people who have just met feel more relaxed, "
            "such as telling a light joke or asking a friendly question.",
            "打破僵局的意思是说些话或做些事，让刚认识的人放松下来，比如讲个轻松的笑话或者问一个友好的问题。",
            "어색한 분위기를 깨다는 말은 처음 만난 사람들이 편안해지도록 가벼운 농담을 하거나 친근한 질문을 던지는 것처럼 "
            "무언가를 말하거나 하는 것을 뜻합니다.",
            "Rompere il ghiaccio significa dire o fare qualcosa che aiuti chi si è appena conosciuto a sentirsi più a "
            "suo agio, come fare una battuta leggera o una domanda cordiale.",
            "Romper el hielo significa decir o hacer algo que ayude a que las personas que acaban de conocerse se "
            "sientan más relajadas, como contar un chiste ligero o hacer una pregunta amable.")},
])


# --- how_works: how an everyday thing works --------------------------------------------------------
template("how_works", [OWN], ANSWER, [
    {"q": L("How does a fridge keep food cold?", "冰箱是怎么让食物保持低温的？", "냉장고는 어떻게 음식을 차갑게 유지하나요?",
            "Come fa il frigorifero a tenere freddo il cibo?", "¿Cómo mantiene la nevera fría la comida?"),
     "r": L("A fridge pumps a special liquid through pipes. Inside, the liquid turns into gas and absorbs heat from "
            "the food; at the back, it is squeezed back into a liquid and releases that heat into the room.",
            "冰箱用泵让一种特殊的液体在管道里循环。在冰箱内部，这种液体变成气体，吸走食物的热量；到了冰箱背面，它又被压缩成液体，把热量散到房间里。",
            "냉장고는 특수한 액체를 관 속으로 순환시킵니다. 안쪽에서는 이 액체가 기체로 바뀌면서 음식의 열을 빼앗고, 뒤쪽에서는 "
            "다시 압축되어 액체가 되면서 그 열을 방 안으로 내보냅니다.",
            "Il frigorifero fa circolare un liquido speciale in una serie di tubi. All'interno il liquido diventa gas e "
            "assorbe il calore del cibo; sul retro viene compresso, torna liquido e rilascia quel calore nella stanza.",
            "La nevera hace circular un líquido especial por unos tubos. Dentro, el líquido se convierte en gas y "
            "absorbe el calor de la comida; en la parte de atrás se comprime, vuelve a ser líquido y suelta ese calor "
            "en la habitación.")},
    {"q": L("Explain how a compass always points north.", "解释一下指南针为什么总是指向北方。",
            "나침반이 어떻게 항상 북쪽을 가리키는지 설명해 주세요.", "Spiega come fa una bussola a indicare sempre il nord.",
            "Explica cómo hace una brújula para señalar siempre el norte."),
     "r": L("The Earth behaves like a giant magnet. The needle of a compass is a small magnet that can turn freely, "
            "so it lines up with the Earth's magnetic field and points towards the magnetic north.",
            "地球就像一块巨大的磁铁。指南针的指针是一根可以自由转动的小磁铁，所以它会顺着地球的磁场排列，指向磁北极。",
            "지구는 거대한 자석처럼 작용합니다. 나침반 바늘은 자유롭게 돌 수 있는 작은 자석이라서 지구 자기장의 방향에 맞춰 "
            "정렬되고, 자북을 가리키게 됩니다.",
            "La Terra si comporta come un'enorme calamita. L'ago della bussola è una piccola calamita libera di ruotare, "
            "quindi si allinea con il campo magnetico terrestre e punta verso il nord magnetico.",
            "La Tierra se comporta como un imán gigante. La aguja de la brújula es un pequeño imán que gira libremente, "
            "así que se alinea con el campo magnético terrestre y apunta hacia el norte magnético.")},
    {"q": L("I just bought noise-cancelling headphones. How do they actually block the noise?",
            "我刚买了一副降噪耳机。它们到底是怎么挡住噪音的？", "노이즈 캔슬링 헤드폰을 새로 샀어요. 실제로 소음을 어떻게 막는 건가요?",
            "Ho appena comprato delle cuffie con cancellazione del rumore. Come fanno davvero a bloccarlo?",
            "Acabo de comprarme unos auriculares con cancelación de ruido. ¿Cómo bloquean el ruido en realidad?"),
     "r": L("Tiny microphones on the headphones listen to the sound around you. The headphones then play an opposite "
            "sound wave, and when the two waves meet they cancel each other out, so you hear much less noise.",
            "耳机上的小麦克风会收集你周围的声音，然后耳机播放一段与之相反的声波。两种声波相遇时会互相抵消，所以你听到的噪音就少多了。",
            "헤드폰에 달린 작은 마이크가 주변 소리를 듣고, 헤드폰은 그와 정반대인 음파를 내보냅니다. 두 음파가 만나면 서로 "
            "상쇄되기 때문에 소음이 훨씬 적게 들립니다.",
            "Dei piccoli microfoni sulle cuffie captano i suoni intorno a te. Le cuffie riproducono poi un'onda sonora "
            "opposta e, quando le due onde si incontrano, si annullano a vicenda, così senti molto meno rumore.",
            "Unos micrófonos diminutos en los auriculares captan el sonido que te rodea. Después, los auriculares "
            "emiten una onda sonora opuesta y, cuando las dos ondas se encuentran, se anulan entre sí, así que oyes "
            "mucho menos ruido.")},
    {"q": L("How does a microwave oven heat food so quickly?", "微波炉为什么能这么快把食物加热？",
            "전자레인지는 어떻게 음식을 그렇게 빨리 데우나요?", "Come fa il forno a microonde a scaldare il cibo così in fretta?",
            "¿Cómo calienta el microondas la comida tan deprisa?"),
     "r": L("A microwave oven sends out invisible waves that make the water molecules in food spin back and forth "
            "very fast. This movement creates heat inside the food itself, instead of warming it slowly from outside.",
            "微波炉会发出看不见的电磁波，让食物里的水分子飞快地来回转动。这种运动直接在食物内部产生热量，而不是从外面慢慢加热。",
            "전자레인지는 눈에 보이지 않는 파동을 내보내 음식 속 물 분자를 매우 빠르게 흔듭니다. 이 움직임이 바깥에서 천천히 "
            "데우는 대신 음식 내부에서 바로 열을 만들어 냅니다.",
            "Il forno a microonde emette onde invisibili che fanno oscillare velocissime le molecole d'acqua del cibo. "
            "Questo movimento produce calore direttamente dentro il cibo, invece di scaldarlo piano dall'esterno.",
            "El microondas emite unas ondas invisibles que hacen girar muy deprisa las moléculas de agua de la comida. "
            "Ese movimiento genera calor dentro del propio alimento, en lugar de calentarlo poco a poco desde fuera.")},
    {"q": L("Describe how bees turn flower nectar into honey.", "描述一下蜜蜂是怎样把花蜜变成蜂蜜的。",
            "꿀벌이 꽃꿀을 어떻게 벌꿀로 만드는지 설명해 주세요.", "Descrivi come le api trasformano il nettare dei fiori in miele.",
            "Describe cómo las abejas convierten el néctar de las flores en miel."),
     "r": L("Bees suck nectar from flowers and carry it back to the hive, where they pass it from bee to bee and add "
            "enzymes. They then fan it with their wings until most of the water evaporates and it becomes thick honey.",
            "蜜蜂从花里吸取花蜜，带回蜂巢，在蜜蜂之间一只只传递，并加入酶。然后它们扇动翅膀，让大部分水分蒸发，花蜜就变成了浓稠的蜂蜜。",
            "꿀벌은 꽃에서 꿀을 빨아 벌집으로 가져온 뒤, 여러 벌이 서로 주고받으며 효소를 섞습니다. 그런 다음 날갯짓으로 바람을 "
            "일으켜 수분을 대부분 날려 보내면 걸쭉한 벌꿀이 됩니다.",
            "Le api succhiano il nettare dai fiori e lo portano all'alveare, dove se lo passano l'una con l'altra "
            "aggiungendo enzimi. Poi lo ventilano con le ali finché gran parte dell'acqua evapora e diventa miele denso.",
            "Las abejas chupan el néctar de las flores y lo llevan a la colmena, donde se lo pasan de una a otra y le "
            "añaden enzimas. Después lo abanican con las alas hasta que se evapora casi toda el agua y se convierte en "
            "miel espesa.")},
    {"q": L("How does my phone's GPS know where I am?", "手机上的GPS是怎么知道我在哪儿的？", "휴대폰 GPS는 내가 어디 있는지 어떻게 아나요?",
            "Come fa il GPS del telefono a sapere dove mi trovo?", "¿Cómo sabe el GPS de mi móvil dónde estoy?"),
     "r": L("Satellites high above the Earth constantly send out signals with the exact time. Your phone receives "
            "signals from at least four of them and, from how long each one took to arrive, works out your position.",
            "地球上空的卫星不断发出带有精确时间的信号。你的手机至少接收其中四颗卫星的信号，再根据每个信号传过来用了多长时间，算出你的位置。",
            "지구 상공의 위성들이 정확한 시각이 담긴 신호를 계속 보냅니다. 휴대폰은 적어도 네 개의 위성에서 신호를 받아, 각 "
            "신호가 도착하는 데 걸린 시간으로 내 위치를 계산합니다.",
            "Dei satelliti in orbita intorno alla Terra inviano di continuo segnali con l'ora esatta. Il telefono riceve "
            "i segnali di almeno quattro satelliti e, dal tempo che ciascuno impiega ad arrivare, calcola la tua posizione.",
            "Unos satélites que orbitan la Tierra envían sin parar señales con la hora exacta. Tu móvil recibe las "
            "señales de al menos cuatro de ellos y, según lo que tarda cada una en llegar, calcula tu posición.")},
    {"q": L("Why does a thermos keep coffee hot for hours? Explain how it works.",
            "保温瓶为什么能让咖啡热好几个小时？请解释一下它的原理。", "보온병은 어떻게 커피를 몇 시간이나 뜨겁게 유지하나요? 원리를 설명해 주세요.",
            "Perché un thermos tiene il caffè caldo per ore? Spiega come funziona.",
            "¿Por qué un termo mantiene el café caliente durante horas? Explica cómo funciona."),
     "r": L("A thermos has two walls with almost no air between them. Without air, heat cannot easily pass through, "
            "and the shiny inner surface reflects heat back, so the drink cools down very slowly.",
            "保温瓶有两层瓶壁，中间几乎被抽成了真空。没有空气，热量就很难传出去，而发亮的内壁又会把热量反射回来，所以饮料凉得非常慢。",
            "보온병은 벽이 두 겹이고 그 사이에 공기가 거의 없습니다. 공기가 없으면 열이 쉽게 빠져나가지 못하고, 반짝이는 안쪽 "
            "면이 열을 다시 반사하기 때문에 음료가 아주 천천히 식습니다.",
            "Il thermos ha due pareti con quasi niente aria in mezzo. Senza aria il calore passa a fatica, e la "
            "superficie interna lucida lo riflette indietro, quindi la bevanda si raffredda molto lentamente.",
            "El termo tiene dos paredes con casi nada de aire entre ellas. Sin aire, el calor apenas puede escapar, y "
            "la superficie interior brillante lo refleja hacia dentro, así que la bebida se enfría muy despacio.")},
    {"q": L("My son wants to know how a plane stays up in the air. Give me a simple answer I can tell him.",
            "我儿子想知道飞机为什么能停留在空中。给我一个能讲给他听的简单答案。",
            "아들이 비행기가 어떻게 하늘에 떠 있는지 궁금해해요. 아이에게 들려줄 수 있게 쉽게 설명해 주세요.",
            "Mio figlio vuole sapere come fa un aereo a restare in aria. Dammi una risposta semplice da dirgli.",
            "Mi hijo quiere saber cómo se mantiene un avión en el aire. Dame una respuesta sencilla para contársela."),
     "r": L("The engines push the plane forward very fast. Its wings are shaped and tilted so that the air flowing "
            "around them pushes them upwards, and that upward push is strong enough to hold the whole plane up.",
            "发动机推着飞机飞快地向前冲。机翼的形状和角度设计得很特别，流过机翼的空气会把它往上托，这股向上的力大到足以托起整架飞机。",
            "엔진이 비행기를 아주 빠르게 앞으로 밀어 줍니다. 날개는 주위를 흐르는 공기가 날개를 위로 밀어 올리도록 생기고 "
            "기울어져 있어서, 그 힘이 비행기 전체를 떠받칠 만큼 강해집니다.",
            "I motori spingono l'aereo in avanti molto velocemente. Le ali hanno una forma e un'inclinazione tali che "
            "l'aria che scorre intorno le spinge verso l'alto, e questa spinta basta a sostenere tutto l'aereo.",
            "Los motores empujan el avión hacia delante muy rápido. Las alas tienen una forma e inclinación que hacen "
            "que el aire que pasa a su alrededor las empuje hacia arriba, y ese empuje basta para sostener todo el avión.")},
])


# --- history_fact: short history questions ---------------------------------------------------------
template("history_fact", [OWN], ANSWER, [
    {"q": L("Who invented the printing press, and why did it matter?", "印刷机是谁发明的？它为什么重要？",
            "인쇄기는 누가 발명했고, 왜 중요했나요?", "Chi ha inventato la stampa a caratteri mobili e perché è stata importante?",
            "¿Quién inventó la imprenta y por qué fue importante?"),
     "r": L("Johannes Gutenberg built his printing press in Germany around 1440. It made books much cheaper and "
            "faster to produce, so knowledge and new ideas spread across Europe as never before.",
            "约翰内斯·古腾堡大约在1440年于德国制造了他的印刷机。它让书籍的制作变得更便宜、更快，知识和新思想因此以前所未有的速度传遍欧洲。",
            "요하네스 구텐베르크가 1440년 무렵 독일에서 인쇄기를 만들었습니다. 덕분에 책을 훨씬 싸고 빠르게 찍어 낼 수 있게 "
            "되었고, 지식과 새로운 사상이 전에 없이 유럽 곳곳으로 퍼졌습니다.",
            "Johannes Gutenberg costruì la sua macchina da stampa in Germania intorno al 1440. Rese i libri molto più "
            "economici e rapidi da produrre, così il sapere e le nuove idee si diffusero in Europa come mai prima.",
            "Johannes Gutenberg construyó su imprenta en Alemania hacia 1440. Hizo que los libros fueran mucho más "
            "baratos y rápidos de producir, de modo que el saber y las nuevas ideas se extendieron por Europa como "
            "nunca antes.")},
    {"q": L("Tell me briefly about the first Moon landing.", "简单给我讲讲人类第一次登月。", "인류의 첫 달 착륙에 대해 간단히 알려 주세요.",
            "Raccontami in breve il primo sbarco sulla Luna.", "Cuéntame brevemente cómo fue la primera llegada a la Luna."),
     "r": L("On 20 July 1969, the American mission Apollo 11 landed on the Moon. Neil Armstrong was the first person "
            "to step onto its surface, followed by Buzz Aldrin, while millions watched on television.",
            "1969年7月20日，美国的阿波罗11号登上了月球。尼尔·阿姆斯特朗是第一个踏上月面的人，巴兹·奥尔德林紧随其后，数百万人通过电视观看了这一刻。",
            "1969년 7월 20일, 미국의 아폴로 11호가 달에 착륙했습니다. 닐 암스트롱이 처음으로 달 표면을 밟았고 버즈 올드린이 "
            "뒤를 이었으며, 수백만 명이 텔레비전으로 그 장면을 지켜보았습니다.",
            "Il 20 luglio 1969 la missione americana Apollo 11 atterrò sulla Luna. Neil Armstrong fu il primo a "
            "camminare sulla sua superficie, seguito da Buzz Aldrin, mentre milioni di persone guardavano in televisione.",
            "El 20 de julio de 1969, la misión estadounidense Apolo 11 se posó en la Luna. Neil Armstrong fue el primero "
            "en pisar su superficie, seguido de Buzz Aldrin, mientras millones de personas lo veían por televisión.")},
    {"q": L("Why was the Great Wall of China built?", "为什么要修建长城？", "만리장성은 왜 지어졌나요?",
            "Perché fu costruita la Grande Muraglia cinese?", "¿Por qué se construyó la Gran Muralla china?"),
     "r": L("The Great Wall was built over many centuries to protect Chinese states from raids by nomadic peoples "
            "from the north. It also let soldiers send signals quickly and control trade along the border.",
            "长城是在许多个世纪里陆续修建的，目的是保护中原地区不受北方游牧民族的侵袭。它也便于士兵快速传递信号，并管理边境上的贸易。",
            "만리장성은 북쪽 유목 민족의 침입으로부터 중국의 나라들을 지키기 위해 여러 세기에 걸쳐 지어졌습니다. 병사들이 "
            "신호를 빠르게 전하고 국경의 교역을 관리하는 데에도 쓰였습니다.",
            "La Grande Muraglia fu costruita nel corso di molti secoli per proteggere gli stati cinesi dalle incursioni "
            "dei popoli nomadi del nord. Serviva anche a trasmettere segnali in fretta e a controllare i commerci lungo "
            "il confine.",
            "La Gran Muralla se construyó a lo largo de muchos siglos para proteger los estados chinos de los ataques "
            "de los pueblos nómadas del norte. También servía para enviar señales con rapidez y controlar el comercio "
            "en la frontera.")},
    {"q": L("What was the Silk Road?", "丝绸之路是什么？", "실크로드는 무엇이었나요?", "Che cos'era la Via della Seta?",
            "¿Qué era la Ruta de la Seda?"),
     "r": L("The Silk Road was a network of trade routes linking China with the Middle East and Europe for more than "
            "a thousand years. Merchants carried silk, spices and paper, and ideas and religions travelled with them.",
            "丝绸之路是一千多年来连接中国与中东和欧洲的商路网络。商人们运送丝绸、香料和纸张，各种思想和宗教也随之传播。",
            "실크로드는 천 년이 넘는 세월 동안 중국과 중동, 유럽을 이어 준 교역로들의 연결망이었습니다. 상인들은 비단과 향신료, "
            "종이를 실어 날랐고, 사상과 종교도 그들과 함께 전해졌습니다.",
            "La Via della Seta era una rete di rotte commerciali che per oltre mille anni collegò la Cina al Medio "
            "Oriente e all'Europa. I mercanti trasportavano seta, spezie e carta, e con loro viaggiavano idee e religioni.",
            "La Ruta de la Seda era una red de rutas comerciales que durante más de mil años unió China con Oriente "
            "Medio y Europa. Los mercaderes transportaban seda, especias y papel, y con ellos viajaban ideas y religiones.")},
    {"q": L("I'm visiting Berlin next month. What happened to the Berlin Wall?",
            "我下个月要去柏林。柏林墙后来怎么样了？", "다음 달에 베를린에 가요. 베를린 장벽은 어떻게 되었나요?",
            "Il mese prossimo vado a Berlino. Che fine ha fatto il Muro di Berlino?",
            "El mes que viene voy a Berlín. ¿Qué pasó con el Muro de Berlín?"),
     "r": L("The Berlin Wall divided the city from 1961 until 9 November 1989, when the border suddenly opened and "
            "crowds began to tear it down. Germany was reunited the following year, and a few pieces still stand as "
            "memorials.",
            "柏林墙从1961年起把这座城市一分为二，直到1989年11月9日边境突然开放，人群开始拆墙。第二年德国重新统一，如今还保留着几段墙作为纪念。",
            "베를린 장벽은 1961년부터 도시를 둘로 나누었다가, 1989년 11월 9일 국경이 갑자기 열리면서 사람들이 허물기 "
            "시작했습니다. 이듬해 독일은 통일되었고, 지금도 일부 구간이 기념물로 남아 있습니다.",
            "Il Muro di Berlino divise la città dal 1961 fino al 9 novembre 1989, quando il confine fu aperto "
            "all'improvviso e la folla iniziò ad abbatterlo. L'anno dopo la Germania si riunificò, e alcuni tratti "
            "restano ancora come memoriale.",
            "El Muro de Berlín dividió la ciudad desde 1961 hasta el 9 de noviembre de 1989, cuando la frontera se "
            "abrió de repente y la gente empezó a derribarlo. Al año siguiente Alemania se reunificó, y algunos tramos "
            "siguen en pie como memorial.")},
    {"q": L("Who painted the Mona Lisa, and where can I see it today?", "《蒙娜丽莎》是谁画的？现在在哪里能看到？",
            "모나리자는 누가 그렸고, 지금은 어디에서 볼 수 있나요?", "Chi ha dipinto la Gioconda e dove posso vederla oggi?",
            "¿Quién pintó la Mona Lisa y dónde puedo verla hoy?"),
     "r": L("The Mona Lisa was painted by Leonardo da Vinci in the early sixteenth century. Today it hangs in the "
            "Louvre Museum in Paris, behind protective glass, and it is one of the most visited paintings in the world.",
            "《蒙娜丽莎》是列奥纳多·达·芬奇在十六世纪初画的。如今它挂在巴黎的卢浮宫里，外面罩着防护玻璃，是世界上参观人数最多的画作之一。",
            "모나리자는 16세기 초에 레오나르도 다빈치가 그렸습니다. 지금은 파리 루브르 박물관의 보호 유리 뒤에 걸려 있으며, "
            "세계에서 가장 많은 사람이 보러 오는 그림 가운데 하나입니다.",
            "La Gioconda fu dipinta da Leonardo da Vinci all'inizio del Cinquecento. Oggi è esposta al Museo del Louvre "
            "di Parigi, dietro un vetro protettivo, ed è uno dei quadri più visitati al mondo.",
            "La Mona Lisa la pintó Leonardo da Vinci a principios del siglo XVI. Hoy cuelga en el Museo del Louvre de "
            "París, tras un cristal protector, y es uno de los cuadros más visitados del mundo.")},
    {"q": L("How did the ancient Olympic Games begin?", "古代奥运会是怎么开始的？", "고대 올림픽은 어떻게 시작되었나요?",
            "Come nacquero gli antichi Giochi olimpici?", "¿Cómo empezaron los antiguos Juegos Olímpicos?"),
     "r": L("The ancient Olympic Games began in Olympia, Greece, traditionally in 776 BC, as a festival to honour the "
            "god Zeus. They were held every four years, and wars were paused so athletes could travel safely.",
            "古代奥运会起源于希腊的奥林匹亚，传统上认为始于公元前776年，是祭祀宙斯的节日。比赛每四年举行一次，期间战争暂停，好让运动员安全前往。",
            "고대 올림픽은 전통적으로 기원전 776년, 그리스 올림피아에서 제우스 신을 기리는 축제로 시작되었다고 합니다. 4년마다 "
            "열렸고, 선수들이 안전하게 오갈 수 있도록 그동안에는 전쟁을 멈추었습니다.",
            "Gli antichi Giochi olimpici nacquero a Olimpia, in Grecia, secondo la tradizione nel 776 a.C., come festa "
            "in onore di Zeus. Si tenevano ogni quattro anni e le guerre si fermavano perché gli atleti potessero "
            "viaggiare sicuri.",
            "Los antiguos Juegos Olímpicos empezaron en Olimpia, Grecia, según la tradición en el 776 a. C., como una "
            "fiesta en honor de Zeus. Se celebraban cada cuatro años y las guerras se detenían para que los atletas "
            "pudieran viajar seguros.")},
    {"q": L("You are a history teacher. In two sentences, tell your class why the ancient Egyptians built the "
            "pyramids.", "你是一名历史老师。用两句话告诉学生古埃及人为什么要建金字塔。",
            "당신은 역사 선생님입니다. 고대 이집트인들이 왜 피라미드를 지었는지 학생들에게 두 문장으로 설명해 주세요.",
            "Sei un insegnante di storia. In due frasi, spiega alla classe perché gli antichi egizi costruirono le piramidi.",
            "Eres profesor de historia. En dos frases, explica a la clase por qué los antiguos egipcios construyeron las "
            "pirámides."),
     "r": L("The pyramids were built as huge tombs for the pharaohs, who the Egyptians believed would live on after "
            "death. Their shape and size showed the king's power and were meant to help his spirit rise to the sky.",
            "金字塔是为法老修建的巨大陵墓，古埃及人相信法老死后会继续活着。它们的形状和规模显示了国王的权力，也被认为能帮助他的灵魂升上天空。",
            "피라미드는 파라오의 거대한 무덤으로 지어졌는데, 이집트인들은 파라오가 죽은 뒤에도 계속 산다고 믿었습니다. 그 "
            "모양과 크기는 왕의 권력을 보여 주었고, 왕의 영혼이 하늘로 올라가도록 돕는다고 여겨졌습니다.",
            "Le piramidi furono costruite come enormi tombe per i faraoni, che secondo gli egizi continuavano a vivere "
            "dopo la morte. La loro forma e grandezza mostravano il potere del re e dovevano aiutare il suo spirito a "
            "salire in cielo.",
            "Las pirámides se construyeron como enormes tumbas para los faraones, que según los egipcios seguían "
            "viviendo después de la muerte. Su forma y tamaño mostraban el poder del rey y debían ayudar a su espíritu "
            "a subir al cielo.")},
])


# --- fix_sentence: a mistake natural for each language, quoted in the instruction ---------------------
template("fix_sentence", [OWN], ANSWER, [
    {"q": L("Correct the grammar in this sentence: \"She don't like getting up early.\"",
            "改正这句话中的错误：“他跑的很快。”", "다음 문장의 맞춤법을 고쳐 주세요: \"내일 늦으면 안되요.\"",
            "Correggi l'errore in questa frase: \"Qual'è il tuo colore preferito?\"",
            "Corrige el error de esta frase: \"Haber si nos vemos mañana.\""),
     "r": L("The correct sentence is \"She doesn't like getting up early.\" With he, she or it, the verb needs "
            "\"doesn't\" instead of \"don't\".",
            "正确的写法是“他跑得很快。”动词后面接表示程度或结果的补语时，要用“得”，而不是“的”。",
            "바른 문장은 \"내일 늦으면 안 돼요.\"입니다. '되어요'가 줄어든 말이므로 '돼요'라고 써야 하고, '안'은 띄어 씁니다.",
            "La forma corretta è \"Qual è il tuo colore preferito?\". \"Qual\" è un troncamento, non un'elisione, "
            "quindi non vuole l'apostrofo.",
            "La forma correcta es \"A ver si nos vemos mañana.\" Aquí se usa la preposición \"a\" con el verbo \"ver\", "
            "no el verbo \"haber\".")},
    {"q": L("Is this sentence correct? \"Me and him went to the cinema.\"", "这句话有没有毛病？“通过这次活动，使我明白了很多道理。”",
            "이 문장이 맞나요? \"그 말을 듣고 너무 어의없었어.\"", "Questa frase è corretta? \"Se avrei più tempo, leggerei di più.\"",
            "¿Es correcta esta frase? \"Si tendría más tiempo, leería más.\""),
     "r": L("Not quite. As the subject of the sentence you should say \"He and I went to the cinema\", because "
            "\"me\" and \"him\" are object forms.",
            "这句话缺少主语。“通过……使……”连用后，句子就没有主语了，应改为“这次活动使我明白了很多道理。”",
            "틀린 문장입니다. '어의'는 임금의 병을 고치던 의사를 뜻하므로, \"그 말을 듣고 너무 어이없었어.\"라고 써야 합니다.",
            "No. Dopo \"se\" ipotetico si usa il congiuntivo, non il condizionale: la frase corretta è \"Se avessi più "
            "tempo, leggerei di più.\"",
            "No. Después de \"si\" condicional se usa el imperfecto de subjuntivo, no el condicional: lo correcto es "
            "\"Si tuviera más tiempo, leería más.\"")},
    {"q": L("Find and fix the mistake: \"Their going to the park later.\"", "找出并改正错误：“大约有五十人左右参加了会议。”",
            "틀린 곳을 찾아 고쳐 주세요: \"몇일 동안 여행을 다녀왔어요.\"", "Trova e correggi l'errore: \"Un'amico mi ha chiamato ieri.\"",
            "Encuentra y corrige el error: \"Hubieron muchos problemas en la reunión.\""),
     "r": L("It should be \"They're going to the park later.\" \"They're\" is short for \"they are\", while "
            "\"their\" shows that something belongs to them.",
            "“大约”和“左右”意思重复，只能保留一个。可以改为“大约有五十人参加了会议”或“有五十人左右参加了会议”。",
            "'몇일'이 아니라 '며칠'이 맞는 표기입니다. 따라서 \"며칠 동안 여행을 다녀왔어요.\"라고 써야 합니다.",
            "Si scrive \"Un amico mi ha chiamato ieri.\" Davanti a un nome maschile \"un\" non prende l'apostrofo, che "
            "serve solo al femminile, come in \"un'amica\".",
            "Debe decirse \"Hubo muchos problemas en la reunión.\" El verbo \"haber\" con este sentido es impersonal y "
            "va siempre en singular.")},
    {"q": L("Please fix my sentence before I send it to my teacher: \"I have went to Spain twice.\"",
            "我要把这句话发给老师，请先帮我改一下：“他高兴的跳了起来。”",
            "선생님께 보내기 전에 이 문장 좀 고쳐 주세요: \"문을 꼭 잠궈 주세요.\"",
            "Correggi la mia frase prima che la mandi all'insegnante: \"C'è ne sono tre.\"",
            "Corrige mi frase antes de que se la mande a mi profesora: \"Me se olvidó la llave.\""),
     "r": L("Write \"I have been to Spain twice.\" After \"have\" you need the past participle, and \"been\" is the "
            "usual choice when talking about visiting a place.",
            "应该写成“他高兴地跳了起来。”修饰动词的词语后面要用“地”，不能用“的”。",
            "\"문을 꼭 잠가 주세요.\"라고 써야 합니다. 기본형이 '잠그다'이므로 '잠궈'가 아니라 '잠가'가 맞습니다.",
            "La forma giusta è \"Ce ne sono tre.\" Quando \"ci\" si trova davanti a \"ne\" diventa \"ce\", e non ci "
            "vuole l'apostrofo.",
            "Lo correcto es \"Se me olvidó la llave.\" Cuando van juntos, el pronombre \"se\" siempre se coloca antes "
            "que \"me\".")},
    {"q": L("What's wrong with \"Less people came than we expected\"?", "“这本书的内容和价格都很便宜。”这句话哪里不对？",
            "\"오랫만에 친구를 만났어요.\"에서 틀린 부분이 뭔가요?",
            "Che cosa c'è di sbagliato in \"Ho visto Maria e gli ho detto di chiamarmi\"?",
            "¿Qué falla en \"Pienso de que es una buena idea\"?"),
     "r": L("With things you can count, such as people, standard English uses \"fewer\", so it should be \"Fewer "
            "people came than we expected.\"",
            "“内容”不能说“便宜”，搭配不当。可以改为“这本书内容丰富，价格也很便宜。”",
            "'오랫만에'가 아니라 '오랜만에'가 맞습니다. '오래간만에'가 줄어든 말이기 때문에 \"오랜만에 친구를 만났어요.\"라고 씁니다.",
            "Maria è una donna, quindi il pronome giusto è \"le\", non \"gli\": \"Ho visto Maria e le ho detto di "
            "chiamarmi.\"",
            "Sobra el \"de\". El verbo \"pensar\" lleva directamente \"que\", así que lo correcto es \"Pienso que es "
            "una buena idea.\"")},
    {"q": L("Proofread this line from my report: \"The informations you gave me were very useful.\"",
            "帮我检查一下报告里的这句话：“我们应该避免不再犯同样的错误。”",
            "보고서에 쓴 이 문장을 검토해 주세요: \"설겆이는 내가 할게.\"",
            "Rileggi questa frase del mio rapporto: \"Domani vado dal dottore perchè sto male.\"",
            "Revisa esta frase de mi informe: \"Ayer vinistes muy tarde a clase.\""),
     "r": L("\"Information\" is uncountable in English, so it has no plural. Write \"The information you gave me was "
            "very useful.\"",
            "“避免”和“不再”连用，意思就反了。应改为“我们应该避免再犯同样的错误。”",
            "'설겆이'는 예전 표기이고, 지금의 표준어는 '설거지'입니다. \"설거지는 내가 할게.\"라고 고쳐 쓰세요.",
            "\"Perché\" si scrive con l'accento acuto, non grave. La frase corretta è \"Domani vado dal dottore perché "
            "sto male.\"",
            "La forma correcta es \"viniste\", sin la \"s\" final, porque la segunda persona del pretérito no la lleva: "
            "\"Ayer viniste muy tarde a clase.\"")},
    {"q": L("My friend wrote \"If I would have known, I would have come.\" Is that right?",
            "朋友写了这样一句话：“我们再也不能浪费时间了，在这样下去就来不及了。”这样写对吗？",
            "친구가 \"내 꺼야, 건드리지 마.\"라고 썼어요. 맞는 표현인가요?",
            "Un amico ha scritto \"A me mi piace la pizza.\" È corretto?",
            "Mi amigo escribió \"¿Donde esta mi movil?\" ¿Está bien escrito?"),
     "r": L("In careful English the \"if\" part uses the past perfect, so the correct version is \"If I had known, I "
            "would have come.\"",
            "不对。“在”应该改为“再”，表示继续、重复的意思：“再这样下去就来不及了。”",
            "소리는 [꺼]로 나도 표준어는 '거'입니다. 따라서 \"내 거야, 건드리지 마.\"라고 써야 맞습니다.",
            "È una ripetizione: \"a me\" e \"mi\" dicono la stessa cosa. Nello scritto è meglio \"A me piace la pizza\" "
            "oppure \"Mi piace la pizza\".",
            "Le faltan las tildes: \"dónde\" es interrogativo, \"está\" es aguda acabada en vocal y \"móvil\" es llana "
            "acabada en \"l\". Lo correcto es \"¿Dónde está mi móvil?\"")},
    {"q": L("Edit this sentence so it is correct: \"Between you and I, the plan will not work.\"",
            "修改这句话，让它正确：“截止到目前为止，已有三百人报名。”",
            "이 문장을 바르게 고쳐 주세요: \"제가 내일 다시 연락할께요.\"",
            "Modifica questa frase in modo che sia corretta: \"Vorrei un pò di zucchero.\"",
            "Edita esta frase para que sea correcta: \"Hecho de menos a mi familia.\""),
     "r": L("After a preposition such as \"between\" you need the object form, so it should be \"Between you and me, "
            "the plan will not work.\"",
            "“截止到”和“为止”意思重复，而且这里应该用“截至”。可以改为“截至目前，已有三百人报名。”",
            "'-ㄹ께요'가 아니라 '-ㄹ게요'로 적는 것이 맞습니다. \"제가 내일 다시 연락할게요.\"라고 고쳐 주세요.",
            "\"Po'\" è un troncamento di \"poco\", quindi si scrive con l'apostrofo e non con l'accento: \"Vorrei un po' "
            "di zucchero.\"",
            "Debe escribirse \"Echo de menos a mi familia.\" Es del verbo \"echar\", así que no lleva \"h\".")},
])


# --- true_or_false: a quoted claim, judged and explained ------------------------------------------
template("true_or_false", [OWN], ANSWER, [
    {"q": L("True or false: \"The Great Wall of China can be seen from the Moon with the naked eye.\"",
            "判断对错：“用肉眼可以从月球上看到中国的长城。”", "참일까요, 거짓일까요? \"맨눈으로 달에서 중국의 만리장성을 볼 수 있다.\"",
            "Vero o falso: \"La Grande Muraglia cinese si vede dalla Luna a occhio nudo.\"",
            "Verdadero o falso: \"La Gran Muralla china se ve desde la Luna a simple vista.\""),
     "r": L("False. The wall is very long but only a few metres wide, so from the Moon it is far too thin to see. "
            "Even from low orbit, astronauts find it very hard to spot.",
            "错。长城虽然很长，但只有几米宽，从月球上看实在太细了，根本看不见。就连在近地轨道上，宇航员也很难认出它。",
            "거짓입니다. 성벽은 매우 길지만 폭이 몇 미터밖에 되지 않아서 달에서는 너무 가늘어 보이지 않습니다. 낮은 궤도에서도 "
            "우주 비행사들이 알아보기 매우 어렵다고 합니다.",
            "Falso. La muraglia è lunghissima ma larga solo pochi metri, quindi dalla Luna è troppo sottile per vederla. "
            "Anche dall'orbita bassa gli astronauti faticano molto a individuarla.",
            "Falso. La muralla es larguísima, pero solo mide unos metros de ancho, así que desde la Luna es demasiado "
            "estrecha para verla. Incluso desde una órbita baja a los astronautas les cuesta mucho distinguirla.")},
    {"q": L("Is it true that goldfish only have a three-second memory?", "金鱼的记忆真的只有三秒吗？",
            "금붕어의 기억력이 3초밖에 안 된다는 게 사실인가요?", "È vero che i pesci rossi hanno una memoria di tre secondi?",
            "¿Es verdad que los peces de colores solo tienen tres segundos de memoria?"),
     "r": L("No, that is a myth. Experiments show that goldfish can remember things for months, and they can even be "
            "trained to respond to sounds or colours at feeding time.",
            "不是，这只是个误传。实验表明，金鱼能把事情记住好几个月，甚至可以训练它们在喂食时对声音或颜色作出反应。",
            "아니요, 그건 잘못 알려진 이야기입니다. 실험에 따르면 금붕어는 몇 달 동안 기억할 수 있고, 먹이를 줄 때 소리나 색에 "
            "반응하도록 훈련할 수도 있습니다.",
            "No, è un mito. Gli esperimenti dimostrano che i pesci rossi ricordano le cose per mesi e possono persino "
            "essere addestrati a reagire a suoni o colori all'ora del pasto.",
            "No, es un mito. Los experimentos demuestran que los peces de colores recuerdan cosas durante meses e "
            "incluso se les puede enseñar a reaccionar a sonidos o colores a la hora de comer.")},
    {"q": L("\"Lightning never strikes the same place twice.\" True or false?", "“闪电从来不会两次击中同一个地方。”这句话对吗？",
            "\"번개는 같은 곳에 두 번 떨어지지 않는다.\" 참인가요, 거짓인가요?",
            "\"Un fulmine non colpisce mai due volte lo stesso punto.\" Vero o falso?",
            "\"Un rayo nunca cae dos veces en el mismo sitio.\" ¿Verdadero o falso?"),
     "r": L("False. Lightning often hits the same spot again, especially tall, pointed objects. Some skyscrapers are "
            "struck dozens of times every year.",
            "错。闪电经常会再次击中同一个地方，尤其是又高又尖的物体。有些摩天大楼每年要被闪电击中几十次。",
            "거짓입니다. 번개는 같은 곳, 특히 높고 뾰족한 물체에 자주 다시 떨어집니다. 어떤 고층 빌딩은 해마다 수십 번씩 번개를 "
            "맞습니다.",
            "Falso. I fulmini colpiscono spesso lo stesso punto, soprattutto gli oggetti alti e appuntiti. Alcuni "
            "grattacieli vengono colpiti decine di volte ogni anno.",
            "Falso. Los rayos caen a menudo en el mismo sitio, sobre todo en objetos altos y puntiagudos. Algunos "
            "rascacielos reciben decenas de rayos cada año.")},
    {"q": L("My friend says a tomato is a fruit, not a vegetable. Is she right?", "我朋友说番茄是水果，不是蔬菜。她说得对吗？",
            "친구가 토마토는 채소가 아니라 과일이래요. 친구 말이 맞나요?",
            "Una mia amica dice che il pomodoro è un frutto e non una verdura. Ha ragione?",
            "Una amiga dice que el tomate es una fruta y no una verdura. ¿Tiene razón?"),
     "r": L("In botany she is right: a tomato grows from a flower and holds seeds, so it is a fruit. In the kitchen, "
            "though, it is usually treated as a vegetable because it is not sweet.",
            "从植物学上讲她说得对：番茄由花发育而来，里面有种子，所以是果实。不过在厨房里，因为它不甜，人们通常把它当作蔬菜。",
            "식물학적으로는 친구 말이 맞습니다. 토마토는 꽃에서 자라고 씨를 품고 있어서 열매에 해당합니다. 하지만 달지 않아서 "
            "요리할 때는 보통 채소로 취급합니다.",
            "Dal punto di vista botanico ha ragione: il pomodoro nasce da un fiore e contiene i semi, quindi è un "
            "frutto. In cucina, però, lo si tratta di solito come una verdura, perché non è dolce.",
            "Desde el punto de vista botánico tiene razón: el tomate nace de una flor y contiene semillas, así que es "
            "un fruto. En la cocina, sin embargo, se suele tratar como verdura porque no es dulce.")},
    {"q": L("Decide whether this is true: \"We only use ten per cent of our brain.\"", "判断这句话是否正确：“我们只用了大脑的百分之十。”",
            "이 말이 사실인지 판단해 주세요: \"우리는 뇌의 10퍼센트만 사용한다.\"",
            "Stabilisci se è vero: \"Usiamo solo il dieci per cento del cervello.\"",
            "Decide si esto es cierto: \"Solo usamos el diez por ciento del cerebro.\""),
     "r": L("It is not true. Brain scans show that we use nearly every part of the brain, and even during sleep "
            "many areas stay active. Each region has its own job.",
            "这不是真的。脑部扫描显示，我们几乎会用到大脑的每一个部分，即使在睡觉时，许多区域也仍然很活跃。每个区域都有自己的功能。",
            "사실이 아닙니다. 뇌 영상을 보면 우리는 뇌의 거의 모든 부분을 사용하며, 잠을 자는 동안에도 많은 영역이 활동합니다. "
            "영역마다 맡은 일이 따로 있습니다.",
            "Non è vero. Le immagini del cervello mostrano che ne usiamo quasi ogni parte e che, anche durante il sonno, "
            "molte aree restano attive. Ogni zona ha il suo compito.",
            "No es cierto. Los escáneres cerebrales muestran que usamos casi todas las partes del cerebro y que, incluso "
            "mientras dormimos, muchas zonas siguen activas. Cada región tiene su función.")},
    {"q": L("True or false: water boils at a lower temperature on top of a high mountain.",
            "判断对错：在高山顶上，水的沸点更低。", "참 또는 거짓: 높은 산꼭대기에서는 물이 더 낮은 온도에서 끓는다.",
            "Vero o falso: in cima a un'alta montagna l'acqua bolle a una temperatura più bassa.",
            "Verdadero o falso: en la cima de una montaña alta el agua hierve a menor temperatura."),
     "r": L("True. Higher up, the air pressure is lower, so water boils more easily. On a very high mountain it may "
            "boil at around 70 °C, which is why pasta and eggs take longer to cook there.",
            "对。海拔越高，气压越低，水就越容易沸腾。在很高的山上，水大约70°C就开了，所以在那里煮面条和鸡蛋要花更长时间。",
            "참입니다. 높은 곳일수록 기압이 낮아서 물이 더 쉽게 끓습니다. 아주 높은 산에서는 70°C 정도에서 끓기 때문에 "
            "파스타나 달걀을 익히는 데 시간이 더 걸립니다.",
            "Vero. In alto la pressione dell'aria è più bassa, quindi l'acqua bolle più facilmente. Su una montagna "
            "molto alta può bollire a circa 70 °C, per questo la pasta e le uova richiedono più tempo.",
            "Verdadero. Cuanto más alto, menor es la presión del aire y antes hierve el agua. En una montaña muy alta "
            "puede hervir a unos 70 °C, por eso allí la pasta y los huevos tardan más en cocerse.")},
    {"q": L("Someone told me octopuses have three hearts. Is that a fact or a joke?",
            "有人告诉我章鱼有三颗心脏。这是真的还是开玩笑？", "누가 문어는 심장이 세 개라고 하던데, 사실인가요, 농담인가요?",
            "Qualcuno mi ha detto che i polpi hanno tre cuori. È vero o è uno scherzo?",
            "Alguien me dijo que los pulpos tienen tres corazones. ¿Es verdad o es broma?"),
     "r": L("It is a fact. An octopus has two small hearts that pump blood through the gills and one main heart "
            "that sends it around the rest of the body. Its blood is even blue.",
            "这是真的。章鱼有两颗小心脏负责把血液泵到鳃里，还有一颗主心脏把血液输送到全身其他部位。它的血甚至是蓝色的。",
            "사실입니다. 문어에게는 아가미로 피를 보내는 작은 심장 두 개와 몸의 나머지 부분으로 피를 보내는 주 심장 하나가 "
            "있습니다. 게다가 피 색깔도 파랗습니다.",
            "È vero. Il polpo ha due piccoli cuori che pompano il sangue nelle branchie e un cuore principale che lo "
            "manda nel resto del corpo. Il suo sangue, poi, è blu.",
            "Es verdad. El pulpo tiene dos corazones pequeños que bombean la sangre a las branquias y uno principal "
            "que la envía al resto del cuerpo. Además, su sangre es azul.")},
    {"q": L("Check this claim for me: \"Bulls get angry when they see the colour red.\"",
            "帮我核实一下这个说法：“公牛看到红色就会发怒。”", "이 주장이 맞는지 확인해 주세요: \"황소는 빨간색을 보면 화를 낸다.\"",
            "Verifica questa affermazione: \"I tori si arrabbiano quando vedono il rosso.\"",
            "Comprueba esta afirmación: \"Los toros se enfurecen al ver el color rojo.\""),
     "r": L("That claim is false. Bulls cannot really tell red from green; what makes them charge is the movement of "
            "the cape, not its colour.",
            "这个说法是错的。公牛其实分辨不出红色和绿色，让它们冲过去的是斗篷的晃动，而不是它的颜色。",
            "그 주장은 틀렸습니다. 황소는 빨간색과 초록색을 제대로 구별하지 못하며, 황소를 달려들게 하는 것은 천의 색깔이 "
            "아니라 움직임입니다.",
            "L'affermazione è falsa. I tori non distinguono bene il rosso dal verde: a farli caricare è il movimento "
            "della cappa, non il suo colore.",
            "La afirmación es falsa. Los toros apenas distinguen el rojo del verde: lo que les hace embestir es el "
            "movimiento del capote, no su color.")},
])


# --- fun_fact: a surprising fact, told briefly ---------------------------------------------------------
template("fun_fact", [OWN], ANSWER, [
    {"q": L("Tell me a fun fact about honey.", "给我讲一个关于蜂蜜的有趣知识。", "꿀에 관한 재미있는 사실 하나 알려 주세요.",
            "Dimmi una curiosità sul miele.", "Cuéntame un dato curioso sobre la miel."),
     "r": L("Honey almost never goes off. Archaeologists have found pots of honey in ancient Egyptian tombs that were "
            "thousands of years old and still safe to eat.",
            "蜂蜜几乎永远不会变质。考古学家曾在古埃及的墓穴里发现好几千年前的蜂蜜罐，里面的蜂蜜居然还能安全食用。",
            "꿀은 거의 상하지 않습니다. 고고학자들이 고대 이집트 무덤에서 수천 년 된 꿀 단지를 발견했는데, 그 꿀은 여전히 먹어도 "
            "괜찮은 상태였습니다.",
            "Il miele non va quasi mai a male. Gli archeologi hanno trovato nelle tombe egizie vasi di miele vecchi di "
            "migliaia di anni e ancora commestibili.",
            "La miel casi nunca se estropea. Los arqueólogos han encontrado en tumbas egipcias tarros de miel de miles "
            "de años que todavía se podían comer.")},
    {"q": L("Why are flamingos pink? I'd love a fun fact for my kids.", "火烈鸟为什么是粉红色的？想给孩子们讲个有趣的知识。",
            "플라밍고는 왜 분홍색일까요? 아이들에게 들려줄 재미있는 이야기가 있으면 좋겠어요.",
            "Perché i fenicotteri sono rosa? Mi piacerebbe una curiosità da raccontare ai miei figli.",
            "¿Por qué los flamencos son rosas? Me encantaría un dato curioso para mis hijos."),
     "r": L("Flamingos are born grey. They turn pink because the tiny shrimp and algae they eat contain a natural "
            "colouring, so a flamingo that stopped eating them would slowly fade.",
            "火烈鸟刚出生时是灰色的。它们变成粉红色，是因为吃的小虾和藻类里含有天然色素；如果不再吃这些东西，它们的颜色就会慢慢变淡。",
            "플라밍고는 태어날 때 회색입니다. 먹이로 먹는 작은 새우와 조류에 천연 색소가 들어 있어서 분홍색이 되는 것이라, "
            "그 먹이를 먹지 않으면 색이 점점 옅어집니다.",
            "I fenicotteri nascono grigi. Diventano rosa perché i piccoli gamberetti e le alghe che mangiano contengono "
            "un colorante naturale, quindi se smettessero di mangiarli sbiadirebbero piano piano.",
            "Los flamencos nacen grises. Se vuelven rosas porque las gambitas y las algas que comen contienen un "
            "colorante natural, así que si dejaran de comerlas irían perdiendo el color poco a poco.")},
    {"q": L("Share a surprising fact about the Eiffel Tower.", "分享一个关于埃菲尔铁塔的惊人事实。",
            "에펠탑에 관한 놀라운 사실을 하나 알려 주세요.", "Raccontami un fatto sorprendente sulla Torre Eiffel.",
            "Cuéntame un dato sorprendente sobre la Torre Eiffel."),
     "r": L("The Eiffel Tower grows in summer. Heat makes its iron expand, so on a hot day the top can be up to about "
            "fifteen centimetres higher than in winter.",
            "埃菲尔铁塔夏天会“长高”。高温使钢铁膨胀，所以在炎热的日子里，塔顶可能比冬天高出大约十五厘米。",
            "에펠탑은 여름이면 키가 자랍니다. 열 때문에 철이 늘어나서, 더운 날에는 꼭대기가 겨울보다 15센티미터 정도 더 높아질 "
            "수 있습니다.",
            "La Torre Eiffel d'estate si allunga. Il caldo fa dilatare il ferro, così nelle giornate afose la cima può "
            "trovarsi fino a circa quindici centimetri più in alto che in inverno.",
            "La Torre Eiffel crece en verano. El calor dilata el hierro, de modo que en un día caluroso la cima puede "
            "estar hasta unos quince centímetros más alta que en invierno.")},
    {"q": L("I need a cute animal fact to start my presentation. Any ideas?", "我想用一个可爱的动物小知识开始我的演讲，有什么推荐吗？",
            "발표를 시작할 때 쓸 귀여운 동물 상식이 필요해요. 뭐가 좋을까요?",
            "Mi serve una curiosità tenera sugli animali per iniziare la mia presentazione. Idee?",
            "Necesito un dato tierno sobre animales para empezar mi presentación. ¿Alguna idea?"),
     "r": L("You could mention that sea otters often hold hands while they sleep, so they do not drift apart on the "
            "water. It is charming and easy for everyone to picture.",
            "你可以讲海獭睡觉时经常手拉着手，这样就不会在水上漂散。这个小知识既可爱，又很容易让大家想象出画面。",
            "해달은 잠을 잘 때 물에 떠내려가 흩어지지 않도록 서로 손을 잡는 경우가 많다는 이야기를 해 보세요. 귀엽고 누구나 "
            "쉽게 떠올릴 수 있는 장면입니다.",
            "Potresti raccontare che le lontre marine spesso si tengono per mano mentre dormono, per non allontanarsi "
            "sull'acqua. È un'immagine tenera che tutti riescono a figurarsi.",
            "Podrías contar que las nutrias marinas a menudo se dan la mano mientras duermen para no separarse en el "
            "agua. Es una imagen tierna que todo el mundo puede imaginar.")},
    {"q": L("Give me one fact about bananas that most people don't know.", "告诉我一个大多数人不知道的关于香蕉的事实。",
            "사람들이 잘 모르는 바나나에 관한 사실을 하나 알려 주세요.",
            "Dimmi una cosa sulle banane che la maggior parte delle persone non sa.",
            "Dime algo sobre los plátanos que la mayoría de la gente no sabe."),
     "r": L("Botanically, bananas are berries, while strawberries are not. A true berry grows from a single flower "
            "with one ovary, and bananas fit that description.",
            "从植物学上讲，香蕉属于浆果，草莓反而不是。真正的浆果由一朵花的单个子房发育而成，香蕉正好符合这个条件。",
            "식물학적으로 바나나는 장과에 속하지만, 딸기는 그렇지 않습니다. 진짜 장과는 씨방이 하나인 꽃 한 송이에서 자라는데, "
            "바나나가 바로 여기에 해당합니다.",
            "Dal punto di vista botanico le banane sono bacche, mentre le fragole no. Una vera bacca nasce da un solo "
            "fiore con un solo ovario, e la banana corrisponde a questa definizione.",
            "Desde el punto de vista botánico, los plátanos son bayas y las fresas no. Una baya verdadera nace de una "
            "sola flor con un solo ovario, y el plátano cumple esa condición.")},
    {"q": L("What is something odd about wombats?", "袋熊有什么奇怪的地方？", "웜뱃에게는 어떤 특이한 점이 있나요?",
            "Che cosa c'è di strano nei vombati?", "¿Qué tienen de raro los wombats?"),
     "r": L("Wombats are the only animals known to produce cube-shaped droppings. They leave them on rocks and logs "
            "to mark their territory, and the flat sides stop them from rolling away.",
            "袋熊是已知唯一会拉出立方体形状粪便的动物。它们把粪便留在石头和树干上标记领地，平平的侧面让粪便不会滚走。",
            "웜뱃은 정육면체 모양의 똥을 누는 것으로 알려진 유일한 동물입니다. 바위나 통나무 위에 똥을 남겨 영역을 표시하는데, "
            "면이 평평해서 굴러떨어지지 않습니다.",
            "I vombati sono gli unici animali noti a produrre escrementi a forma di cubo. Li lasciano su rocce e tronchi "
            "per segnare il territorio, e i lati piatti impediscono che rotolino via.",
            "Los wombats son los únicos animales conocidos que hacen excrementos en forma de cubo. Los dejan sobre "
            "rocas y troncos para marcar su territorio, y sus caras planas evitan que rueden.")},
    {"q": L("Surprise me with a fact about Scotland.", "给我讲一个关于苏格兰的惊人事实吧。", "스코틀랜드에 관한 놀라운 사실 하나 들려주세요.",
            "Sorprendimi con una curiosità sulla Scozia.", "Sorpréndeme con un dato curioso sobre Escocia."),
     "r": L("The national animal of Scotland is the unicorn. It has been a symbol of purity and strength in Scottish "
            "heraldry for centuries and still appears on the royal coat of arms.",
            "苏格兰的国家象征动物是独角兽。几百年来，它一直是苏格兰纹章中纯洁与力量的象征，如今仍出现在王室徽章上。",
            "스코틀랜드를 상징하는 동물은 유니콘입니다. 유니콘은 수백 년 동안 스코틀랜드 문장에서 순수함과 힘을 상징해 왔고, "
            "지금도 왕실 문장에 등장합니다.",
            "L'animale nazionale della Scozia è l'unicorno. Da secoli è un simbolo di purezza e forza nell'araldica "
            "scozzese e compare ancora nello stemma reale.",
            "El animal nacional de Escocia es el unicornio. Desde hace siglos es un símbolo de pureza y fuerza en la "
            "heráldica escocesa y todavía aparece en el escudo real.")},
    {"q": L("Do you know any interesting facts about koalas?", "你知道关于考拉的有趣知识吗？", "코알라에 관한 재미있는 사실을 알고 있나요?",
            "Conosci qualche curiosità sui koala?", "¿Sabes algún dato interesante sobre los koalas?"),
     "r": L("Koalas have fingerprints that look remarkably like human ones, even under a microscope. They also sleep "
            "up to twenty hours a day, because their diet of eucalyptus leaves gives them very little energy.",
            "考拉的指纹和人类的非常像，即使在显微镜下也很难区分。它们每天还要睡将近二十个小时，因为它们吃的桉树叶提供的能量很少。",
            "코알라의 지문은 현미경으로 봐도 사람의 지문과 놀랄 만큼 비슷합니다. 또 먹이인 유칼립투스 잎에서 얻는 에너지가 "
            "아주 적어서 하루에 스무 시간 가까이 잠을 잡니다.",
            "I koala hanno impronte digitali incredibilmente simili alle nostre, anche al microscopio. Inoltre dormono "
            "fino a venti ore al giorno, perché le foglie di eucalipto di cui si nutrono danno pochissima energia.",
            "Los koalas tienen huellas dactilares asombrosamente parecidas a las humanas, incluso al microscopio. "
            "Además, duermen hasta veinte horas al día, porque las hojas de eucalipto que comen les dan muy poca energía.")},
])


# --- cooking_tip: one kitchen problem, one fix ------------------------------------------------------
template("cooking_tip", [OWN], ANSWER, [
    {"q": L("How do I stop pasta from sticking together?", "怎样防止意大利面粘在一起？", "파스타 면이 서로 달라붙지 않게 하려면 어떻게 해야 하나요?",
            "Come faccio a non far attaccare la pasta?", "¿Cómo evito que la pasta se pegue?"),
     "r": L("Use a big pot with plenty of boiling water, and stir the pasta during the first two minutes, when it "
            "is most likely to stick. There is no need to add oil to the water.",
            "用大锅烧足量的开水，下锅后的头两分钟要不停搅拌，因为这时面最容易粘在一起。水里不需要加油。",
            "큰 냄비에 물을 넉넉히 끓이고, 면이 가장 잘 달라붙는 처음 2분 동안 잘 저어 주세요. 물에 기름을 넣을 필요는 없습니다.",
            "Usa una pentola grande con tanta acqua bollente e mescola la pasta nei primi due minuti, quando è più "
            "facile che si attacchi. Non serve aggiungere olio all'acqua.",
            "Usa una olla grande con mucha agua hirviendo y remueve la pasta durante los dos primeros minutos, que es "
            "cuando más se pega. No hace falta echar aceite al agua.")},
    {"q": L("Oh no, I put too much salt in my soup. Can I save it?", "糟糕，我汤里盐放多了。还有救吗？",
            "큰일 났어요, 국에 소금을 너무 많이 넣었어요. 살릴 방법이 있을까요?",
            "Oh no, ho messo troppo sale nella zuppa. Posso rimediare?", "Vaya, me he pasado de sal con la sopa. ¿Tiene arreglo?"),
     "r": L("Yes. The easiest fix is to add more water or unsalted stock and some extra vegetables. A squeeze of "
            "lemon juice can also make the saltiness less noticeable.",
            "有救。最简单的办法是多加些水或不加盐的高汤，再放一些蔬菜。挤一点柠檬汁也能让咸味没那么明显。",
            "네, 살릴 수 있어요. 가장 쉬운 방법은 물이나 소금을 넣지 않은 육수를 더 붓고 채소를 조금 더 넣는 것입니다. 레몬즙을 "
            "약간 짜 넣어도 짠맛이 덜 느껴집니다.",
            "Sì. La soluzione più semplice è aggiungere acqua o brodo non salato e un po' di verdura in più. Anche una "
            "spruzzata di succo di limone rende il sale meno evidente.",
            "Sí. Lo más sencillo es añadir más agua o caldo sin sal y algo más de verdura. Un chorrito de zumo de limón "
            "también hace que se note menos la sal.")},
    {"q": L("What's a quick way to tell if an egg is still fresh?", "有什么快速判断鸡蛋是否新鲜的方法？",
            "달걀이 아직 신선한지 빨리 알아보는 방법이 있나요?", "Come si capisce in fretta se un uovo è ancora fresco?",
            "¿Cómo sé rápidamente si un huevo sigue fresco?"),
     "r": L("Put the egg in a glass of cold water. A fresh egg sinks and lies flat, an older one stands on its end, "
            "and an egg that floats is best thrown away.",
            "把鸡蛋放进一杯冷水里。新鲜的鸡蛋会沉到底并平躺着，放久了的鸡蛋会竖起来，浮在水面上的鸡蛋最好扔掉。",
            "찬물이 담긴 컵에 달걀을 넣어 보세요. 신선한 달걀은 가라앉아 옆으로 눕고, 오래된 달걀은 끝이 위로 서며, 물에 뜨는 "
            "달걀은 버리는 것이 좋습니다.",
            "Metti l'uovo in un bicchiere d'acqua fredda. Un uovo fresco va a fondo e resta disteso, uno più vecchio si "
            "mette in piedi, e quello che galleggia è meglio buttarlo.",
            "Mete el huevo en un vaso de agua fría. Un huevo fresco se hunde y se queda tumbado, uno más viejo se pone "
            "de pie, y el que flota es mejor tirarlo.")},
    {"q": L("I only used half an avocado. How do I keep the other half from going brown?",
            "我只用了半个牛油果。怎样才能让另一半不变黑？", "아보카도를 반만 썼어요. 나머지 반이 갈색으로 변하지 않게 하려면 어떻게 하나요?",
            "Ho usato solo mezzo avocado. Come evito che l'altra metà diventi scura?",
            "Solo he usado medio aguacate. ¿Cómo evito que la otra mitad se ponga marrón?"),
     "r": L("Leave the stone in, brush the cut side with a little lemon or lime juice, and wrap it tightly in "
            "cling film before putting it in the fridge. It should stay green for a day or two.",
            "保留果核，在切面上抹一点柠檬汁或青柠汁，用保鲜膜包紧后放进冰箱。这样一两天内都能保持绿色。",
            "씨를 빼지 말고 자른 면에 레몬즙이나 라임즙을 조금 바른 뒤, 랩으로 꼭 싸서 냉장고에 넣으세요. 그러면 하루이틀은 초록색이 "
            "유지됩니다.",
            "Lascia il nocciolo, spennella la parte tagliata con un po' di succo di limone o lime e avvolgila bene nella "
            "pellicola prima di metterla in frigo. Dovrebbe restare verde per un paio di giorni.",
            "Deja el hueso, unta la parte cortada con un poco de zumo de limón o lima y envuélvela bien en film "
            "transparente antes de meterla en la nevera. Debería seguir verde uno o dos días.")},
    {"q": L("Chopping onions always makes me cry. Any tricks?", "切洋葱总是让我流眼泪。有什么窍门吗？",
            "양파를 썰 때마다 눈물이 나요. 좋은 요령이 있을까요?", "Tagliare le cipolle mi fa sempre piangere. Qualche trucco?",
            "Cortar cebolla siempre me hace llorar. ¿Algún truco?"),
     "r": L("Chill the onion in the fridge for half an hour first and use a very sharp knife, which crushes fewer "
            "cells and releases less of the gas that stings your eyes.",
            "先把洋葱放进冰箱冷藏半小时，再用一把非常锋利的刀切。刀快压碎的细胞少，释放出来刺激眼睛的气体也就少。",
            "먼저 양파를 냉장고에 30분쯤 넣어 두었다가 아주 잘 드는 칼로 써세요. 칼이 잘 들면 세포가 덜 뭉개져서 눈을 따갑게 "
            "하는 가스도 덜 나옵니다.",
            "Metti prima la cipolla in frigo per mezz'ora e usa un coltello molto affilato: schiaccia meno cellule e "
            "libera meno del gas che irrita gli occhi.",
            "Mete antes la cebolla en la nevera media hora y usa un cuchillo muy afilado: aplasta menos células y "
            "suelta menos del gas que irrita los ojos.")},
    {"q": L("Give me your best tip for really crispy roast potatoes.", "告诉我烤出特别酥脆的土豆的最好窍门。",
            "정말 바삭한 오븐 구이 감자를 만드는 최고의 요령을 알려 주세요.",
            "Dammi il tuo miglior consiglio per patate al forno davvero croccanti.",
            "Dame tu mejor truco para unas patatas asadas bien crujientes."),
     "r": L("Boil the potato chunks for about eight minutes, drain them and shake them in the pan to rough up the "
            "edges. Then roast them in oil that is already very hot.",
            "先把土豆块煮八分钟左右，沥干后在锅里晃一晃，让边缘变得毛糙。然后放进已经烧得很热的油里烤。",
            "감자 조각을 8분쯤 삶아 물기를 빼고, 냄비째 흔들어 겉면을 거칠게 만드세요. 그런 다음 미리 아주 뜨겁게 달군 기름에 "
            "넣어 구우면 됩니다.",
            "Lessa i pezzi di patata per circa otto minuti, scolali e scuotili nella pentola per rendere ruvidi i bordi. "
            "Poi cuocili in forno nell'olio già molto caldo.",
            "Cuece los trozos de patata unos ocho minutos, escúrrelos y agítalos en la olla para que se rompan un poco "
            "los bordes. Después ásalos en aceite que ya esté muy caliente.")},
    {"q": L("My fresh herbs wilt after two days in the fridge. How can I make them last longer?",
            "新鲜香草在冰箱里放两天就蔫了。怎样才能放得久一点？", "생허브를 냉장고에 넣어 두면 이틀 만에 시들어요. 더 오래 두려면 어떻게 하나요?",
            "Le erbe fresche in frigo appassiscono dopo due giorni. Come le faccio durare di più?",
            "Las hierbas frescas se me mustian a los dos días en la nevera. ¿Cómo hago que duren más?"),
     "r": L("Treat soft herbs like parsley and coriander like flowers: trim the stems and stand them in a glass of "
            "water. Wrap harder herbs such as rosemary in a damp paper towel instead.",
            "像欧芹、香菜这类软茎香草，可以像插花一样处理：剪掉一点茎，插在一杯水里。迷迭香这类硬茎香草则用湿厨房纸包起来。",
            "파슬리나 고수처럼 부드러운 허브는 꽃처럼 다루세요. 줄기 끝을 잘라 물컵에 꽂아 두면 됩니다. 로즈메리처럼 단단한 허브는 "
            "젖은 키친타월로 싸 두세요.",
            "Tratta le erbe morbide come prezzemolo e coriandolo come fiori: taglia i gambi e mettile in un bicchiere "
            "d'acqua. Le erbe più dure, come il rosmarino, avvolgile invece in carta da cucina umida.",
            "Trata las hierbas tiernas, como el perejil y el cilantro, como si fueran flores: corta los tallos y ponlas "
            "en un vaso de agua. Las más duras, como el romero, envuélvelas en papel de cocina húmedo.")},
    {"q": L("Why did my cake sink in the middle, and how do I avoid it next time?", "我的蛋糕为什么中间塌了？下次怎么避免？",
            "케이크 가운데가 왜 꺼졌을까요? 다음에는 어떻게 하면 안 꺼질까요?",
            "Perché la mia torta si è abbassata al centro e come posso evitarlo la prossima volta?",
            "¿Por qué se me hundió el bizcocho por el centro y cómo lo evito la próxima vez?"),
     "r": L("Usually the oven door was opened too early or the cake came out before it was fully baked. Wait until "
            "a skewer in the centre comes out clean, and do not open the oven during the first twenty minutes.",
            "通常是太早打开了烤箱门，或者蛋糕还没完全烤熟就拿出来了。等插进中间的竹签拔出来是干净的再出炉，而且前二十分钟不要打开烤箱。",
            "대개 오븐 문을 너무 일찍 열었거나 다 익기 전에 꺼냈기 때문입니다. 가운데를 꼬치로 찔러 봐서 아무것도 묻어 나오지 "
            "않을 때까지 기다리고, 처음 20분 동안은 오븐 문을 열지 마세요.",
            "Di solito lo sportello del forno è stato aperto troppo presto o la torta è stata sfornata prima di essere "
            "cotta. Aspetta che uno stecchino infilato al centro esca pulito e non aprire il forno nei primi venti minuti.",
            "Normalmente es porque se abrió el horno demasiado pronto o el bizcocho se sacó antes de estar hecho. Espera "
            "a que un palillo clavado en el centro salga limpio y no abras el horno durante los primeros veinte minutos.")},
])


# --- packing: what to pack for a trip (no hiking: that one is in the benchmark) ----------------------
template("packing", [OWN], ANSWER, [
    {"q": L("I have a two-day business trip next week. What should I pack?", "我下周要出差两天。应该带些什么？",
            "다음 주에 이틀 동안 출장을 가요. 무엇을 챙겨야 할까요?",
            "La settimana prossima ho un viaggio di lavoro di due giorni. Cosa dovrei mettere in valigia?",
            "La semana que viene tengo un viaje de trabajo de dos días. ¿Qué debería llevar?"),
     "r": L("Pack one smart outfit for meetings and one casual one, comfortable shoes, your laptop with its charger, "
            "and printed or saved copies of your travel and meeting documents.",
            "带一套开会穿的正装和一套便装、一双舒服的鞋、笔记本电脑和充电器，再把行程和会议资料打印出来或存在手机里。",
            "회의용 정장 한 벌과 편한 옷 한 벌, 편한 신발, 노트북과 충전기를 챙기고, 출장 일정과 회의 자료는 출력하거나 "
            "저장해 두세요.",
            "Porta un completo elegante per le riunioni e uno più comodo, scarpe comode, il portatile con il "
            "caricabatterie e una copia, stampata o salvata, dei documenti di viaggio e delle riunioni.",
            "Lleva un conjunto formal para las reuniones y otro informal, zapatos cómodos, el portátil con su cargador "
            "y una copia, impresa o guardada, de los documentos del viaje y de las reuniones.")},
    {"q": L("We are going skiing for the first time. What do we need to take with us?", "我们第一次去滑雪，需要带些什么？",
            "처음으로 스키를 타러 가요. 무엇을 가져가야 하나요?", "Andiamo a sciare per la prima volta. Che cosa dobbiamo portare?",
            "Vamos a esquiar por primera vez. ¿Qué tenemos que llevar?"),
     "r": L("Bring warm layers, waterproof trousers and jacket, gloves, a hat, ski socks, sunglasses or goggles and "
            "strong sun cream. Skis, boots and helmets can usually be rented at the resort.",
            "带上保暖的多层衣物、防水裤和防水外套、手套、帽子、滑雪袜、墨镜或护目镜，以及高倍防晒霜。雪板、雪鞋和头盔一般可以在雪场租。",
            "따뜻하게 겹쳐 입을 옷, 방수 바지와 재킷, 장갑, 모자, 스키 양말, 선글라스나 고글, 자외선 차단 지수가 높은 선크림을 "
            "챙기세요. 스키와 부츠, 헬멧은 보통 스키장에서 빌릴 수 있습니다.",
            "Portate vestiti caldi a strati, pantaloni e giacca impermeabili, guanti, berretto, calze da sci, occhiali "
            "da sole o maschera e una crema solare ad alta protezione. Sci, scarponi e casco si noleggiano di solito "
            "sul posto.",
            "Llevad ropa de abrigo por capas, pantalón y chaqueta impermeables, guantes, gorro, calcetines de esquí, "
            "gafas de sol o de ventisca y protector solar alto. Los esquís, las botas y el casco suelen alquilarse en "
            "la estación.")},
    {"q": L("My ten-year-old is going to school camp for four days. Help me make a packing list, written as a short "
            "paragraph.", "我十岁的孩子要参加四天的学校夏令营。帮我列个行李清单，写成一小段话就行。",
            "열 살 아이가 나흘 동안 학교 캠프에 가요. 챙길 짐을 짧은 글로 정리해 주세요.",
            "Mio figlio di dieci anni va al campo scuola per quattro giorni. Aiutami con la lista delle cose da portare, "
            "scritta come un breve paragrafo.",
            "Mi hijo de diez años se va de campamento escolar cuatro días. Ayúdame con la lista de equipaje, en forma "
            "de un párrafo breve."),
     "r": L("Pack clothes for each day plus a spare set, a warm jumper, a raincoat, trainers, pyjamas, a towel, a "
            "wash bag and a water bottle. Label everything with your child's name.",
            "每天的换洗衣服再加一套备用的，一件保暖毛衣、雨衣、运动鞋、睡衣、毛巾、洗漱包和水壶。所有东西都写上孩子的名字。",
            "날마다 갈아입을 옷과 여벌 한 벌, 따뜻한 스웨터, 비옷, 운동화, 잠옷, 수건, 세면도구, 물병을 챙기세요. 모든 "
            "물건에 아이 이름을 적어 두면 좋습니다.",
            "Metti vestiti per ogni giorno più un cambio in più, un maglione caldo, un impermeabile, le scarpe da "
            "ginnastica, il pigiama, un asciugamano, il beauty case e una borraccia. Scrivi il nome di tuo figlio su tutto.",
            "Mete ropa para cada día y una muda de más, un jersey de abrigo, un chubasquero, zapatillas, pijama, una "
            "toalla, el neceser y una botella de agua. Marca todo con el nombre de tu hijo.")},
    {"q": L("What are the essentials to bring to a three-day music festival?", "去参加为期三天的音乐节，必须带哪些东西？",
            "사흘짜리 음악 축제에 꼭 가져가야 할 것은 무엇인가요?",
            "Quali sono le cose indispensabili per un festival musicale di tre giorni?",
            "¿Qué es imprescindible llevar a un festival de música de tres días?"),
     "r": L("Take a small tent or your ticket for accommodation, earplugs, a power bank, a refillable water bottle, "
            "sun cream, a rain poncho and shoes you do not mind getting muddy.",
            "带上小帐篷或者住宿凭证、耳塞、充电宝、可以续水的水瓶、防晒霜、雨披，还有一双弄脏了也不心疼的鞋。",
            "작은 텐트나 숙소 예약 확인서, 귀마개, 보조 배터리, 물을 다시 채울 수 있는 물병, 선크림, 우비, 그리고 진흙이 "
            "묻어도 괜찮은 신발을 챙기세요.",
            "Porta una piccola tenda o la prenotazione dell'alloggio, i tappi per le orecchie, un power bank, una "
            "borraccia, la crema solare, un poncho antipioggia e scarpe che possono sporcarsi di fango.",
            "Lleva una tienda pequeña o la reserva del alojamiento, tapones para los oídos, una batería externa, una "
            "botella rellenable, protector solar, un poncho para la lluvia y unos zapatos que no te importe embarrar.")},
    {"q": L("I'm flying to a friend's wedding abroad and staying three nights. What should go in my suitcase?",
            "我要坐飞机去国外参加朋友的婚礼，住三晚。行李箱里该放些什么？",
            "해외에서 열리는 친구 결혼식에 비행기를 타고 가서 사흘 밤을 묵어요. 여행 가방에 무엇을 넣어야 할까요?",
            "Vado in aereo al matrimonio di un'amica all'estero e resto tre notti. Cosa metto in valigia?",
            "Voy en avión a la boda de una amiga en el extranjero y me quedo tres noches. ¿Qué meto en la maleta?"),
     "r": L("Pack the wedding outfit in your hand luggage so it cannot get lost, along with the shoes and a small "
            "gift. Add a plug adapter, a light jacket for the evening and clothes for sightseeing.",
            "把婚礼要穿的衣服、鞋子和一份小礼物放进随身行李，以免丢失。再带上转换插头、一件晚上穿的薄外套和观光时穿的衣服。",
            "결혼식 때 입을 옷은 잃어버리지 않도록 신발, 작은 선물과 함께 기내용 가방에 넣으세요. 여기에 멀티 어댑터, 저녁에 "
            "걸칠 얇은 재킷, 관광할 때 입을 옷을 더하면 됩니다.",
            "Metti l'abito per il matrimonio nel bagaglio a mano, così non può perdersi, insieme alle scarpe e a un "
            "piccolo regalo. Aggiungi un adattatore per le prese, una giacca leggera per la sera e vestiti per girare la città.",
            "Mete la ropa de la boda en el equipaje de mano para que no se pierda, junto con los zapatos y un pequeño "
            "regalo. Añade un adaptador de enchufe, una chaqueta ligera para la noche y ropa para hacer turismo.")},
    {"q": L("You are an experienced parent. What should I pack for a week at my parents' house with my "
            "six-month-old baby?", "你是一位有经验的家长。我要带六个月大的宝宝去父母家住一周，该带些什么？",
            "당신은 육아 경험이 많은 부모입니다. 6개월 된 아기를 데리고 부모님 댁에서 일주일 지내려면 무엇을 챙겨야 할까요?",
            "Sei un genitore esperto. Cosa devo portare per una settimana dai miei genitori con il mio bambino di sei mesi?",
            "Eres una madre con experiencia. ¿Qué llevo para pasar una semana en casa de mis padres con mi bebé de seis meses?"),
     "r": L("Bring enough nappies and wipes for the first few days, two outfits per day, sleeping bags, a few "
            "favourite toys, bottles or feeding things and any medicine. A travel cot helps if your parents do not "
            "have one.",
            "带够头几天用的尿布和湿巾，每天两套衣服、睡袋、几件宝宝最喜欢的玩具、奶瓶或喂养用品，以及需要的药品。如果父母家没有婴儿床，带一张旅行床会很方便。",
            "처음 며칠 동안 쓸 기저귀와 물티슈, 하루에 두 벌씩 입힐 옷, 수면 조끼, 아기가 좋아하는 장난감 몇 개, 젖병이나 "
            "이유식 도구, 필요한 약을 챙기세요. 부모님 댁에 아기 침대가 없다면 여행용 침대가 있으면 편합니다.",
            "Porta pannolini e salviette per i primi giorni, due cambi al giorno, i sacchi nanna, qualche gioco "
            "preferito, biberon o l'occorrente per la pappa ed eventuali medicine. Un lettino da viaggio è utile se i "
            "tuoi non ne hanno uno.",
            "Lleva pañales y toallitas para los primeros días, dos mudas al día, sacos de dormir, algunos juguetes "
            "favoritos, biberones o lo necesario para las comidas y las medicinas que haga falta. Una cuna de viaje "
            "viene bien si tus padres no tienen.")},
    {"q": L("Packing tips for a weekend city break in winter, please: I only have a small backpack.",
            "冬天去城市玩一个周末，我只有一个小背包，请给我一些打包建议。",
            "겨울에 주말 동안 도시 여행을 가는데 작은 배낭 하나뿐이에요. 짐 싸는 요령을 알려 주세요.",
            "Consigli per preparare lo zaino per un weekend in città d'inverno, per favore: ne ho solo uno piccolo.",
            "Consejos para hacer la mochila para una escapada urbana de fin de semana en invierno, por favor: solo "
            "tengo una pequeña."),
     "r": L("Wear your heaviest coat and boots while travelling, and pack thin layers that you can combine, such as "
            "thermal tops and a light jumper. Roll your clothes and add a hat, gloves and a scarf.",
            "路上就穿最厚的外套和靴子，包里装可以互相搭配的薄衣服，比如保暖内衣和一件薄毛衣。衣服卷起来放，再带上帽子、手套和围巾。",
            "가장 두꺼운 외투와 부츠는 이동할 때 입고, 배낭에는 발열 내의나 얇은 스웨터처럼 겹쳐 입을 수 있는 얇은 옷을 넣으세요. "
            "옷은 돌돌 말아 넣고 모자, 장갑, 목도리도 챙기세요.",
            "Indossa in viaggio il cappotto e gli stivali più pesanti e metti nello zaino strati sottili da combinare, "
            "come maglie termiche e un maglioncino leggero. Arrotola i vestiti e aggiungi berretto, guanti e sciarpa.",
            "Lleva puestos en el viaje el abrigo y las botas más pesados y mete en la mochila capas finas que puedas "
            "combinar, como camisetas térmicas y un jersey ligero. Enrolla la ropa y añade gorro, guantes y bufanda.")},
])


# --- habit: building or breaking a habit ------------------------------------------------------------
template("habit", [OWN], ANSWER, [
    {"q": L("How can I stop checking my phone as soon as I wake up?", "怎样才能改掉一醒来就看手机的习惯？",
            "아침에 눈뜨자마자 휴대폰을 보는 습관을 어떻게 고칠 수 있을까요?",
            "Come posso smettere di guardare il telefono appena sveglio?", "¿Cómo puedo dejar de mirar el móvil nada más despertarme?"),
     "r": L("Charge your phone outside the bedroom and use a cheap alarm clock instead. Decide on a small first "
            "task, such as opening the curtains or drinking a glass of water, to do before you pick it up.",
            "把手机放在卧室外面充电，改用一个便宜的闹钟。再给自己定一件起床后先做的小事，比如拉开窗帘或喝一杯水，做完再拿手机。",
            "휴대폰은 침실 밖에서 충전하고 대신 저렴한 알람시계를 쓰세요. 그리고 커튼을 걷거나 물 한 잔을 마시는 것처럼 휴대폰을 "
            "집기 전에 할 작은 일을 하나 정해 두세요.",
            "Metti il telefono in carica fuori dalla camera e usa una sveglia economica. Scegli un piccolo gesto da "
            "fare prima di prenderlo in mano, come aprire le tende o bere un bicchiere d'acqua.",
            "Carga el móvil fuera del dormitorio y usa un despertador barato. Elige una pequeña tarea que hacer antes "
            "de cogerlo, como abrir las cortinas o beber un vaso de agua.")},
    {"q": L("I always bite my nails when I'm stressed. What can I do?", "我一紧张就咬指甲。我该怎么办？",
            "스트레스를 받으면 늘 손톱을 물어뜯어요. 어떻게 하면 좋을까요?",
            "Quando sono stressato mi mangio sempre le unghie. Cosa posso fare?",
            "Siempre me muerdo las uñas cuando estoy estresado. ¿Qué puedo hacer?"),
     "r": L("Keep your nails short so there is less to bite, and give your hands something else to do, like "
            "squeezing a stress ball. Noticing when and why it happens also helps you catch yourself earlier.",
            "把指甲剪短，能咬的就少了；再给双手找点别的事做，比如捏一个解压球。留意自己在什么时候、为什么咬指甲，也能帮你更早察觉并停下来。",
            "손톱을 짧게 깎아 물어뜯을 거리를 줄이고, 스트레스 볼을 쥐는 것처럼 손이 할 다른 일을 만들어 주세요. 언제, 왜 그러는지 "
            "알아차리면 더 일찍 멈출 수 있습니다.",
            "Tieni le unghie corte, così c'è meno da mordere, e dai alle mani qualcos'altro da fare, come stringere "
            "una pallina antistress. Capire quando e perché succede ti aiuta anche ad accorgertene prima.",
            "Llévate las uñas cortas para que haya menos que morder y dale a las manos otra cosa que hacer, como apretar "
            "una pelota antiestrés. Fijarte en cuándo y por qué lo haces también te ayuda a pararlo antes.")},
    {"q": L("I bought a guitar in January but I keep skipping practice. How do I make it a daily habit?",
            "我一月份买了把吉他，可总是不练。怎样才能养成每天练习的习惯？",
            "1월에 기타를 샀는데 자꾸 연습을 빼먹어요. 어떻게 하면 매일 하는 습관으로 만들 수 있을까요?",
            "A gennaio ho comprato una chitarra, ma salto sempre l'esercizio. Come la trasformo in un'abitudine quotidiana?",
            "En enero me compré una guitarra, pero siempre me salto la práctica. ¿Cómo lo convierto en un hábito diario?"),
     "r": L("Start with just ten minutes a day at a fixed time, for example right after dinner. Leave the guitar "
            "out on a stand instead of in its case, so picking it up takes no effort.",
            "先每天只练十分钟，而且固定在同一个时间，比如晚饭后。把吉他放在琴架上，不要收进琴盒，这样随手就能拿起来。",
            "처음에는 저녁 식사 직후처럼 정해진 시간에 하루 10분만 연습하세요. 기타를 케이스에 넣지 말고 거치대에 세워 두면 "
            "힘들이지 않고 바로 집어 들 수 있습니다.",
            "Comincia con dieci minuti al giorno sempre alla stessa ora, per esempio subito dopo cena. Lascia la "
            "chitarra su un supporto invece che nella custodia, così prenderla non ti costa fatica.",
            "Empieza con solo diez minutos al día a una hora fija, por ejemplo justo después de cenar. Deja la guitarra "
            "en un soporte en vez de en la funda, para que cogerla no te cueste nada.")},
    {"q": L("Suggest a simple way to stop snacking late at night.", "推荐一个简单的办法，帮我改掉深夜吃零食的习惯。",
            "밤늦게 간식 먹는 습관을 끊을 간단한 방법을 알려 주세요.",
            "Suggeriscimi un modo semplice per smettere di mangiucchiare a tarda sera.",
            "Sugiéreme una forma sencilla de dejar de picar por la noche."),
     "r": L("Eat a proper dinner with enough protein, then brush your teeth soon afterwards as a signal that the "
            "kitchen is closed. Not keeping biscuits and crisps at home makes it much easier.",
            "晚饭要吃好，蛋白质要够，饭后不久就刷牙，告诉自己厨房已经“关门”了。家里不放饼干和薯片，会容易得多。",
            "저녁을 단백질이 충분한 제대로 된 식사로 먹고, 식사 후 곧바로 양치질을 해서 부엌은 문을 닫았다는 신호로 삼으세요. "
            "집에 과자를 두지 않으면 훨씬 쉬워집니다.",
            "Fai una cena vera, con abbastanza proteine, e lavati i denti poco dopo, come segnale che la cucina è "
            "chiusa. Non tenere biscotti e patatine in casa rende tutto molto più facile.",
            "Haz una cena completa con suficiente proteína y lávate los dientes poco después, como señal de que la "
            "cocina está cerrada. No tener galletas ni patatas fritas en casa lo pone mucho más fácil.")},
    {"q": L("My desk is always a mess by Wednesday. How can I keep it tidy every day?", "我的书桌一到周三就乱成一团。怎样才能每天都保持整洁？",
            "제 책상은 수요일만 되면 엉망이 돼요. 매일 깔끔하게 유지하려면 어떻게 해야 하나요?",
            "Entro mercoledì la mia scrivania è sempre un disastro. Come posso tenerla in ordine ogni giorno?",
            "Para el miércoles mi escritorio siempre es un desastre. ¿Cómo puedo mantenerlo ordenado cada día?"),
     "r": L("Spend the last five minutes of each day clearing the desk: file papers, return cups to the kitchen "
            "and leave out only what you need tomorrow. A small tray for loose items helps too.",
            "每天最后花五分钟收拾桌面：把文件归好档，把杯子拿回厨房，只留下明天要用的东西。准备一个小托盘放零碎物品也很有用。",
            "하루의 마지막 5분을 책상 정리에 쓰세요. 서류는 제자리에 두고, 컵은 부엌에 갖다 놓고, 내일 필요한 것만 꺼내 두면 "
            "됩니다. 자잘한 물건을 담을 작은 트레이도 도움이 됩니다.",
            "Dedica gli ultimi cinque minuti della giornata a liberare la scrivania: archivia i fogli, riporta le tazze "
            "in cucina e lascia fuori solo ciò che ti serve domani. Aiuta anche un vassoietto per gli oggetti sparsi.",
            "Dedica los últimos cinco minutos del día a despejar el escritorio: archiva los papeles, lleva las tazas a "
            "la cocina y deja solo lo que necesites mañana. También ayuda una bandejita para las cosas sueltas.")},
    {"q": L("I sit at a computer all day. How do I remember to get up and move?", "我整天坐在电脑前。怎样才能记得起来活动一下？",
            "하루 종일 컴퓨터 앞에 앉아 있어요. 어떻게 하면 잊지 않고 일어나서 움직일 수 있을까요?",
            "Sto al computer tutto il giorno. Come faccio a ricordarmi di alzarmi e muovermi?",
            "Paso todo el día delante del ordenador. ¿Cómo me acuerdo de levantarme y moverme?"),
     "r": L("Link moving to things you already do: stand up for every phone call and walk to refill your water "
            "glass each hour. A gentle reminder on your computer can help until it becomes automatic.",
            "把活动和你本来就会做的事绑在一起：每次接电话都站起来，每小时走去接一次水。在习惯成自然之前，可以在电脑上设一个温和的提醒。",
            "이미 하고 있는 일에 움직임을 연결해 보세요. 전화를 받을 때마다 일어서고, 한 시간마다 걸어가서 물을 받아 오는 식입니다. "
            "몸에 밸 때까지는 컴퓨터에 알림을 설정해 두면 도움이 됩니다.",
            "Collega il movimento a cose che fai già: alzati a ogni telefonata e vai a riempire il bicchiere d'acqua "
            "ogni ora. Un promemoria discreto sul computer aiuta finché non diventa automatico.",
            "Vincula el movimiento a cosas que ya haces: ponte de pie en cada llamada y ve a rellenar el vaso de agua "
            "cada hora. Un aviso discreto en el ordenador ayuda hasta que se vuelva automático.")},
    {"q": L("Give me advice on building the habit of flossing every night.", "给我一些建议，帮我养成每晚用牙线的习惯。",
            "매일 밤 치실을 쓰는 습관을 들이는 방법을 조언해 주세요.",
            "Dammi qualche consiglio per prendere l'abitudine di usare il filo interdentale ogni sera.",
            "Dame consejos para acostumbrarme a usar hilo dental todas las noches."),
     "r": L("Keep the floss right next to your toothbrush and floss just one tooth at first, so the habit feels too "
            "easy to skip. Once the routine sticks, you will naturally do the whole mouth.",
            "把牙线放在牙刷旁边，刚开始只清洁一颗牙，让这件事简单到不好意思跳过。等习惯固定下来，你自然就会把整口牙都清洁一遍。",
            "치실을 칫솔 바로 옆에 두고, 처음에는 이 하나만 치실질을 하세요. 건너뛰기 민망할 만큼 쉬워야 합니다. 습관이 자리 잡으면 "
            "자연스럽게 모든 이를 하게 됩니다.",
            "Tieni il filo proprio accanto allo spazzolino e all'inizio passalo su un solo dente, così è troppo facile "
            "per saltarlo. Quando la routine si è fissata, finirai per farlo su tutta la bocca.",
            "Deja el hilo junto al cepillo de dientes y al principio pásalo solo por un diente, para que sea demasiado "
            "fácil saltárselo. Cuando la rutina se asiente, acabarás haciéndolo en toda la boca.")},
])


# --- persona_help: "You are a ..." role-play requests --------------------------------------------------
template("persona_help", [OWN], ANSWER, [
    {"q": L("You are a librarian. Suggest a book for a twelve-year-old who loves adventure stories.",
            "你是一名图书管理员。给一个喜欢冒险故事的十二岁孩子推荐一本书。",
            "당신은 사서입니다. 모험 이야기를 좋아하는 열두 살 아이에게 책을 한 권 추천해 주세요.",
            "Sei un bibliotecario. Consiglia un libro a un ragazzo di dodici anni che ama le storie d'avventura.",
            "Eres bibliotecario. Recomienda un libro a un niño de doce años al que le encantan las historias de aventuras."),
     "r": L("I would recommend \"Treasure Island\" by Robert Louis Stevenson. It has pirates, a hidden map and a "
            "brave young hero, and it is exciting from the very first page.",
            "我推荐罗伯特·路易斯·史蒂文森的《金银岛》。书里有海盗、藏宝图和一位勇敢的少年主人公，从第一页起就扣人心弦。",
            "로버트 루이스 스티븐슨의 《보물섬》을 추천해요. 해적과 숨겨진 지도, 용감한 소년 주인공이 나오고, 첫 장부터 아주 "
            "흥미진진합니다.",
            "Consiglierei \"L'isola del tesoro\" di Robert Louis Stevenson. Ci sono pirati, una mappa nascosta e un "
            "giovane eroe coraggioso, ed è avvincente fin dalla prima pagina.",
            "Le recomendaría \"La isla del tesoro\", de Robert Louis Stevenson. Tiene piratas, un mapa escondido y un "
            "joven héroe valiente, y engancha desde la primera página.")},
    {"q": L("Act as a bike mechanic. My chain keeps falling off when I change gear. What's wrong?",
            "请你扮演自行车修理师。我一换挡链条就掉，这是怎么回事？",
            "자전거 정비사가 되어 주세요. 기어를 바꿀 때마다 체인이 빠져요. 뭐가 문제일까요?",
            "Fai il meccanico di biciclette. Quando cambio marcia la catena mi salta sempre. Che cosa c'è che non va?",
            "Haz de mecánico de bicicletas. Cada vez que cambio de marcha se me sale la cadena. ¿Qué le pasa?"),
     "r": L("Most likely your derailleur needs adjusting, because its limit screws let the chain move too far. A "
            "worn or stretched chain can also cause it, so bring the bike in and I will check both.",
            "很可能是你的变速器需要调整了，它的限位螺丝让链条移动得太远。链条磨损或拉长也会导致这种情况，把车推过来，我两样都帮你检查一下。",
            "변속기 조정이 필요할 가능성이 큽니다. 한계 나사 때문에 체인이 너무 멀리 움직이는 거죠. 체인이 닳거나 늘어나도 그럴 수 "
            "있으니, 자전거를 가져오시면 두 가지 모두 점검해 드릴게요.",
            "Molto probabilmente va regolato il deragliatore, perché le viti di fine corsa lasciano andare la catena "
            "troppo in là. Può dipendere anche da una catena consumata o allungata: porta la bici e controllo tutte e due.",
            "Lo más probable es que haya que ajustar el cambio, porque los tornillos de tope dejan que la cadena se "
            "desplace demasiado. También puede ser una cadena gastada o estirada: tráeme la bici y reviso las dos cosas.")},
    {"q": L("Pretend you are a travel agent. A couple wants a quiet, inexpensive honeymoon in Europe. What do you "
            "suggest?", "假设你是一名旅行社顾问。一对新婚夫妇想在欧洲度一个安静又不贵的蜜月，你有什么建议？",
            "당신이 여행사 직원이라고 해 봅시다. 한 부부가 유럽에서 조용하고 저렴한 신혼여행을 원합니다. 무엇을 추천하겠어요?",
            "Immagina di essere un agente di viaggio. Una coppia vuole una luna di miele tranquilla ed economica in "
            "Europa. Che cosa suggerisci?",
            "Imagina que eres agente de viajes. Una pareja quiere una luna de miel tranquila y económica en Europa. "
            "¿Qué le sugieres?"),
     "r": L("I would suggest a week on the Portuguese coast outside high season, or a small Greek island in late "
            "September. Both offer beautiful scenery, calm beaches and good food at reasonable prices.",
            "我建议避开旺季，去葡萄牙海岸住一周，或者九月底去希腊的一个小岛。这两个地方都风景优美，海滩宁静，美食也不贵。",
            "성수기를 피해 포르투갈 해안에서 일주일을 보내거나, 9월 말에 그리스의 작은 섬에 가 보시길 권합니다. 두 곳 모두 경치가 "
            "아름답고 해변이 한적하며, 음식도 맛있고 가격이 적당합니다.",
            "Suggerirei una settimana sulla costa portoghese fuori stagione, oppure una piccola isola greca a fine "
            "settembre. Entrambe offrono paesaggi splendidi, spiagge tranquille e buon cibo a prezzi ragionevoli.",
            "Les sugeriría una semana en la costa portuguesa fuera de temporada alta o una pequeña isla griega a "
            "finales de septiembre. Ambas ofrecen paisajes preciosos, playas tranquilas y buena comida a precios razonables.")},
    {"q": L("You are a gardener. What can I plant in a corner of my garden that gets almost no sun?",
            "你是一名园丁。我花园里有个角落几乎晒不到太阳，可以种些什么？",
            "당신은 정원사입니다. 정원에 햇빛이 거의 들지 않는 구석이 있는데, 무엇을 심으면 좋을까요?",
            "Sei un giardiniere. Che cosa posso piantare in un angolo del giardino che non prende quasi mai il sole?",
            "Eres jardinero. ¿Qué puedo plantar en un rincón del jardín donde casi no da el sol?"),
     "r": L("Ferns, hostas and ivy all grow happily in deep shade. For some colour, try foxgloves or shade-loving "
            "flowers like impatiens, and keep the soil rich and slightly moist.",
            "蕨类、玉簪和常春藤在阴暗处都长得很好。想要一些色彩的话，可以种毛地黄或凤仙花这类喜阴的花，并保持土壤肥沃、略微湿润。",
            "고사리, 비비추, 담쟁이는 그늘이 짙은 곳에서도 잘 자랍니다. 색을 더하고 싶다면 디기탈리스나 봉선화처럼 그늘을 좋아하는 "
            "꽃을 심고, 흙을 기름지고 약간 촉촉하게 유지하세요.",
            "Felci, hoste ed edera crescono bene anche all'ombra piena. Per un po' di colore prova la digitale o fiori "
            "che amano l'ombra come le impatiens, e tieni il terreno ricco e leggermente umido.",
            "Los helechos, las hostas y la hiedra crecen bien a la sombra. Para dar algo de color, prueba con "
            "dedaleras o flores de sombra como la alegría de la casa, y mantén la tierra rica y algo húmeda.")},
    {"q": L("Imagine you are a maths teacher. Write a few encouraging words for a student who has just failed a "
            "test.", "想象你是一名数学老师。给一个刚考砸的学生写几句鼓励的话。",
            "수학 선생님이라고 상상해 보세요. 방금 시험을 망친 학생에게 격려의 말을 몇 마디 써 주세요.",
            "Immagina di essere un insegnante di matematica. Scrivi qualche parola di incoraggiamento per uno studente "
            "che ha appena preso un brutto voto.",
            "Imagina que eres profesor de matemáticas. Escribe unas palabras de ánimo para un alumno que acaba de "
            "suspender un examen."),
     "r": L("One test does not decide how good you are at maths. Let's look at the mistakes together, because each "
            "one shows us exactly what to practise, and I know you can do better next time.",
            "一次考试决定不了你的数学水平。我们一起来看看错在哪里，每一个错误都能告诉我们该练什么。我相信你下次一定能考得更好。",
            "시험 한 번으로 네 수학 실력이 정해지는 건 아니야. 틀린 문제를 같이 살펴보자. 실수 하나하나가 무엇을 연습해야 하는지 "
            "알려 주거든. 다음에는 분명히 더 잘할 수 있을 거야.",
            "Un compito solo non decide quanto vali in matematica. Guardiamo insieme gli errori, perché ognuno ci dice "
            "esattamente che cosa esercitare, e sono sicuro che la prossima volta andrà meglio.",
            "Un examen no decide lo bueno que eres en matemáticas. Vamos a ver juntos los errores, porque cada uno nos "
            "dice exactamente qué practicar, y sé que la próxima vez lo harás mejor.")},
    {"q": L("You work in a shoe shop. A customer says she is starting to run twice a week. What do you advise?",
            "你在一家鞋店工作。一位顾客说她打算开始每周跑两次步。你会给她什么建议？",
            "당신은 신발 가게 직원입니다. 한 손님이 일주일에 두 번 달리기를 시작하려 한다고 합니다. 어떻게 조언하겠어요?",
            "Lavori in un negozio di scarpe. Una cliente dice che comincerà a correre due volte a settimana. Che cosa le consigli?",
            "Trabajas en una zapatería. Una clienta dice que va a empezar a correr dos veces por semana. ¿Qué le aconsejas?"),
     "r": L("I would suggest a pair of cushioned running shoes with a little room at the toes. Try them on in the "
            "afternoon, when feet are slightly bigger, and jog a few steps in the shop to check the fit.",
            "我建议您选一双缓冲好的跑鞋，脚趾前面留一点空间。最好下午来试穿，因为那时脚会稍微大一些，还可以在店里小跑几步，看看合不合脚。",
            "쿠션이 좋고 발가락 쪽에 여유가 조금 있는 러닝화를 권해 드려요. 발이 약간 커지는 오후에 신어 보시고, 매장 안에서 몇 "
            "걸음 뛰어 보면서 잘 맞는지 확인해 보세요.",
            "Le consiglierei un paio di scarpe da corsa ammortizzate, con un po' di spazio in punta. Le provi nel "
            "pomeriggio, quando il piede è un po' più gonfio, e faccia qualche passo di corsa in negozio per sentire "
            "come calzano.",
            "Le recomendaría unas zapatillas de running con buena amortiguación y un poco de holgura en los dedos. "
            "Pruébeselas por la tarde, cuando el pie está algo más hinchado, y trote unos pasos en la tienda para "
            "comprobar cómo le quedan.")},
    {"q": L("As a pharmacist, what would you tell someone who has a mild cold and wants to feel better quickly?",
            "作为一名药剂师，你会对一个得了轻微感冒、想快点好起来的人说些什么？",
            "약사라면 가벼운 감기에 걸려 빨리 낫고 싶어 하는 사람에게 뭐라고 말하겠어요?",
            "Da farmacista, che cosa diresti a chi ha un leggero raffreddore e vuole sentirsi meglio in fretta?",
            "Como farmacéutico, ¿qué le dirías a alguien con un resfriado leve que quiere sentirse mejor pronto?"),
     "r": L("Rest, drink plenty of warm fluids and use a simple painkiller for aches if you need one. Antibiotics "
            "will not help a cold, and if you still feel unwell after a week, see a doctor.",
            "多休息，多喝温热的饮品，如果身上酸痛，可以吃点普通的止痛药。抗生素对感冒没有用，如果一周后还不舒服，就去看医生。",
            "푹 쉬고 따뜻한 음료를 충분히 마시고, 몸이 쑤시면 일반 진통제를 드세요. 감기에는 항생제가 도움이 되지 않으며, 일주일이 "
            "지나도 낫지 않으면 병원에 가 보세요.",
            "Riposati, bevi molti liquidi caldi e, se hai dolori, prendi un semplice antidolorifico. Gli antibiotici "
            "non servono contro il raffreddore e, se dopo una settimana stai ancora male, vai dal medico.",
            "Descansa, bebe muchos líquidos calientes y, si te duele el cuerpo, toma un analgésico sencillo. Los "
            "antibióticos no sirven para el resfriado y, si al cabo de una semana sigues mal, ve al médico.")},
])


# --- email_reply: a short reply to a quoted message ------------------------------------------------
template("email_reply", [OWN], ANSWER, [
    {"q": L("A colleague emailed: \"Can we move our meeting to Thursday?\" Write a short reply saying yes.",
            "同事发邮件问：“我们的会能改到周四吗？”写一封简短的回信，表示同意。",
            "동료가 \"회의를 목요일로 옮겨도 될까요?\"라고 메일을 보냈어요. 좋다고 짧게 답장해 주세요.",
            "Un collega mi ha scritto: \"Possiamo spostare la riunione a giovedì?\" Scrivi una breve risposta per dire di sì.",
            "Un compañero me escribió: \"¿Podemos pasar la reunión al jueves?\" Escribe una respuesta breve diciendo que sí."),
     "r": L("Hi, Thursday works well for me. Shall we keep the same time? Let me know if anything changes, and I "
            "will update the calendar invitation.",
            "你好，周四我没问题。时间还是照旧吗？如果有变动请告诉我，我会更新日历邀请。",
            "안녕하세요, 저는 목요일 괜찮습니다. 시간은 그대로 할까요? 바뀌는 게 있으면 알려 주세요. 일정 초대는 제가 수정해 두겠습니다.",
            "Ciao, giovedì per me va benissimo. Teniamo lo stesso orario? Fammi sapere se cambia qualcosa e aggiorno "
            "l'invito sul calendario.",
            "Hola, el jueves me viene bien. ¿Mantenemos la misma hora? Avísame si cambia algo y actualizo la invitación "
            "del calendario.")},
    {"q": L("A customer wrote that her order arrived damaged. Draft a polite reply from the shop.",
            "一位顾客来信说她收到的货物已经损坏。以店铺的名义起草一封礼貌的回复。",
            "한 고객이 주문한 물건이 파손된 채 도착했다고 메일을 보냈습니다. 가게 입장에서 정중한 답장을 써 주세요.",
            "Una cliente ha scritto che il suo ordine è arrivato danneggiato. Scrivi una risposta cortese da parte del negozio.",
            "Una clienta ha escrito que su pedido llegó dañado. Redacta una respuesta educada de parte de la tienda."),
     "r": L("Dear customer, we are very sorry that your order arrived damaged. Please send us a photo of the item, "
            "and we will ship a replacement or refund you in full, whichever you prefer.",
            "尊敬的顾客，非常抱歉您收到的商品有损坏。请发一张商品照片给我们，我们会按您的意愿为您补发新品或全额退款。",
            "고객님, 주문하신 상품이 파손된 상태로 도착해 정말 죄송합니다. 상품 사진을 보내 주시면 원하시는 대로 새 상품을 보내 "
            "드리거나 전액 환불해 드리겠습니다.",
            "Gentile cliente, ci dispiace molto che il suo ordine sia arrivato danneggiato. Ci invii una foto "
            "dell'articolo e, come preferisce, le spediremo un sostituto o la rimborseremo per intero.",
            "Estimada clienta: sentimos mucho que su pedido llegara dañado. Envíenos una foto del artículo y, como "
            "usted prefiera, le mandaremos uno nuevo o le devolveremos el importe íntegro.")},
    {"q": L("My old school friend invited me to her wedding in June. Write a warm reply accepting the invitation.",
            "我的老同学邀请我参加她六月的婚礼。写一封热情的回信，接受邀请。",
            "옛 학교 친구가 6월에 있을 결혼식에 초대해 줬어요. 초대를 받아들이는 따뜻한 답장을 써 주세요.",
            "Una mia vecchia compagna di scuola mi ha invitato al suo matrimonio a giugno. Scrivi una risposta calorosa "
            "per accettare.",
            "Una antigua amiga del colegio me ha invitado a su boda en junio. Escribe una respuesta cariñosa aceptando "
            "la invitación."),
     "r": L("Thank you so much for the invitation! I would love to be there in June to celebrate with you both. I "
            "am so happy for you and can't wait to see you.",
            "非常感谢你的邀请！六月我一定到场，和你们一起庆祝。真为你高兴，好期待见到你！",
            "초대해 줘서 정말 고마워! 6월에 꼭 가서 두 사람을 함께 축하할게. 네 일처럼 기쁘고, 얼른 만나고 싶다.",
            "Grazie mille per l'invito! Sarò felicissima di esserci a giugno per festeggiare con voi. Sono davvero "
            "contenta per te e non vedo l'ora di vederti.",
            "¡Muchísimas gracias por la invitación! Me encantará estar allí en junio para celebrarlo con vosotros. Me "
            "alegro muchísimo por ti y tengo muchas ganas de verte.")},
    {"q": L("Write a short reply politely turning down a job offer, because I have accepted another position.",
            "写一封简短的回信，礼貌地拒绝一份工作邀请，因为我已经接受了另一个职位。",
            "다른 회사의 제안을 이미 수락해서, 입사 제안을 정중하게 거절하는 짧은 답장을 써 주세요.",
            "Scrivi una breve risposta per rifiutare con cortesia un'offerta di lavoro, perché ho già accettato un "
            "altro posto.",
            "Escribe una respuesta breve para rechazar con educación una oferta de trabajo, porque ya he aceptado otro puesto."),
     "r": L("Thank you very much for the offer and for the time you spent with me during the interviews. After "
            "careful thought, I have accepted another position, but I hope our paths cross again.",
            "非常感谢贵公司提供的职位，也感谢面试期间您花的时间。经过慎重考虑，我已经接受了另一个职位，希望今后还有合作的机会。",
            "입사 제안과 면접 동안 내어 주신 시간에 진심으로 감사드립니다. 신중하게 고민한 끝에 다른 자리를 수락하게 되었지만, "
            "앞으로 다시 좋은 인연으로 만나기를 바랍니다.",
            "La ringrazio molto per l'offerta e per il tempo che mi ha dedicato durante i colloqui. Dopo un'attenta "
            "riflessione ho accettato un altro incarico, ma spero che le nostre strade si incrocino di nuovo.",
            "Muchas gracias por la oferta y por el tiempo que me dedicaron durante las entrevistas. Tras pensarlo "
            "detenidamente, he aceptado otro puesto, pero espero que nuestros caminos vuelvan a cruzarse.")},
    {"q": L("The teacher asked parents to help on the class trip to the zoo next Friday. Reply that I can come.",
            "老师请家长下周五帮忙带全班去动物园参观。回信说我可以去。",
            "선생님이 다음 주 금요일 동물원 현장 학습에 학부모 도움을 요청하셨어요. 갈 수 있다고 답장해 주세요.",
            "La maestra ha chiesto ai genitori di aiutare nella gita allo zoo di venerdì prossimo. Rispondi che posso venire.",
            "La maestra ha pedido a los padres que ayuden en la excursión al zoo del próximo viernes. Responde que puedo ir."),
     "r": L("Dear teacher, I would be glad to help on the zoo trip next Friday. Please let me know what time to "
            "arrive and if there is anything I should bring.",
            "老师您好，下周五去动物园，我很乐意来帮忙。请告诉我几点到，以及需不需要带什么东西。",
            "선생님, 안녕하세요. 다음 주 금요일 동물원 현장 학습에 기꺼이 돕겠습니다. 몇 시까지 가면 되는지, 따로 챙겨 갈 것이 "
            "있는지 알려 주세요.",
            "Gentile maestra, sarò felice di aiutare nella gita allo zoo di venerdì prossimo. Mi faccia sapere a che ora "
            "devo arrivare e se devo portare qualcosa.",
            "Estimada maestra: estaré encantada de ayudar en la excursión al zoo del próximo viernes. Dígame a qué hora "
            "debo llegar y si tengo que llevar algo.")},
    {"q": L("My neighbour messaged: \"Could I borrow your ladder this weekend?\" Reply that it's fine and tell "
            "him where it is.", "邻居发消息问：“这个周末能借你家的梯子用一下吗？”回复说没问题，并告诉他梯子在哪儿。",
            "이웃이 \"이번 주말에 사다리 좀 빌릴 수 있을까요?\"라고 메시지를 보냈어요. 괜찮다고 하고 사다리가 어디 있는지 알려 주세요.",
            "Il mio vicino mi ha scritto: \"Mi presti la scala questo fine settimana?\" Rispondi che va bene e digli dov'è.",
            "Mi vecino me escribió: \"¿Me prestas la escalera este fin de semana?\" Contéstale que sí y dile dónde está."),
     "r": L("Of course, no problem! The ladder is in the garage, just behind the door, and the side door is open "
            "on Saturday morning. Just bring it back when you are finished.",
            "当然可以，没问题！梯子在车库里，就在门后面，周六上午车库的侧门是开着的。用完还回来就行。",
            "그럼요, 괜찮아요! 사다리는 차고 문 바로 뒤에 있고, 토요일 오전에는 옆문을 열어 둘게요. 다 쓰시면 돌려주시기만 하면 돼요.",
            "Certo, nessun problema! La scala è in garage, subito dietro la porta, e sabato mattina la porta laterale è "
            "aperta. Riportala pure quando hai finito.",
            "¡Claro, sin problema! La escalera está en el garaje, justo detrás de la puerta, y el sábado por la mañana "
            "la puerta lateral estará abierta. Devuélvemela cuando termines.")},
    {"q": L("A client asked us for a discount. Write a friendly reply offering ten per cent off their next order.",
            "一位客户向我们要折扣。写一封友好的回信，给他们下一笔订单打九折。",
            "한 고객이 할인을 요청했습니다. 다음 주문을 10퍼센트 할인해 주겠다는 친절한 답장을 써 주세요.",
            "Un cliente ci ha chiesto uno sconto. Scrivi una risposta cordiale offrendo il dieci per cento sul prossimo ordine.",
            "Un cliente nos ha pedido un descuento. Escribe una respuesta amable ofreciendo un diez por ciento en su "
            "próximo pedido."),
     "r": L("Thank you for being such a loyal customer. We are happy to offer you ten per cent off your next order; "
            "the discount will be applied automatically when you order through your account.",
            "感谢您一直以来的支持。我们很乐意为您的下一笔订单提供九折优惠，您通过账户下单时，折扣会自动生效。",
            "늘 저희를 찾아 주셔서 감사합니다. 다음 주문에 10퍼센트 할인을 기꺼이 해 드리겠습니다. 계정으로 주문하시면 할인이 "
            "자동으로 적용됩니다.",
            "Grazie per la sua fedeltà. Siamo lieti di offrirle il dieci per cento di sconto sul prossimo ordine; lo "
            "sconto verrà applicato automaticamente quando ordinerà dal suo account.",
            "Gracias por ser un cliente tan fiel. Nos complace ofrecerle un diez por ciento de descuento en su próximo "
            "pedido; el descuento se aplicará automáticamente cuando lo haga desde su cuenta.")},
])


# --- brainstorm_names: name ideas, written as prose ------------------------------------------------
template("brainstorm_names", [OWN], ANSWER, [
    {"q": L("We just adopted a grey kitten. Suggest a few names for her.", "我们刚领养了一只灰色的小母猫。给她推荐几个名字吧。",
            "회색 아기 고양이를 막 입양했어요. 이름 몇 개만 추천해 주세요.",
            "Abbiamo appena adottato una gattina grigia. Suggeriscimi qualche nome.",
            "Acabamos de adoptar una gatita gris. Sugiéreme algunos nombres."),
     "r": L("You could call her Smoky, Pebble or Luna. Smoky suits her colour, Pebble sounds small and sweet, and "
            "Luna is a gentle name that will still fit when she is grown up.",
            "可以叫她“小灰”、“团子”或“月月”。“小灰”贴合她的毛色，“团子”听起来小巧可爱，“月月”很温柔，等她长大了也一样合适。",
            "'잿빛이', '몽실이', '루나' 같은 이름은 어떨까요? 잿빛이는 털 색깔과 어울리고, 몽실이는 작고 귀여운 느낌이며, 루나는 "
            "다 자란 뒤에도 잘 어울리는 부드러운 이름입니다.",
            "Potreste chiamarla Cenere, Nuvola o Luna. Cenere richiama il suo colore, Nuvola suona piccola e dolce, e "
            "Luna è un nome delicato che le starà bene anche da grande.",
            "Podríais llamarla Ceniza, Nube o Luna. Ceniza va con su color, Nube suena pequeño y dulce, y Luna es un "
            "nombre suave que le seguirá quedando bien de mayor.")},
    {"q": L("I'm opening a small café by the sea. Brainstorm some names for it.", "我要在海边开一家小咖啡馆。帮我想几个店名。",
            "바닷가에 작은 카페를 열려고 해요. 가게 이름을 몇 가지 떠올려 주세요.",
            "Sto per aprire un piccolo bar sul mare. Pensa a qualche nome.",
            "Voy a abrir una pequeña cafetería junto al mar. Piensa algunos nombres."),
     "r": L("How about The Salty Cup, Tide and Toast, or Seaside Steam? Each one hints at the sea and at coffee, "
            "and they are short enough to fit on a sign.",
            "可以考虑“海盐杯”、“潮汐小馆”或“听海咖啡”。每个名字都带着海的味道和咖啡的气息，而且够简短，放在招牌上也好看。",
            "'소금잔', '파도와 토스트', '바다 한 모금'은 어떨까요? 모두 바다와 커피를 떠올리게 하고, 간판에 쓰기 좋을 만큼 짧습니다.",
            "Che ne dici di La Tazza Salata, Onde e Caffè o Schiuma di Mare? Ogni nome richiama il mare e il caffè, ed "
            "è abbastanza breve da stare su un'insegna.",
            "¿Qué te parece La Taza Salada, Olas y Café o Espuma de Mar? Todos evocan el mar y el café, y son lo "
            "bastante cortos para caber en un letrero.")},
    {"q": L("Give me three name ideas for our school's new chess club.", "给我们学校新成立的国际象棋社起三个名字。",
            "우리 학교에 새로 생긴 체스 동아리 이름을 세 가지 지어 주세요.",
            "Dammi tre idee di nome per il nuovo club di scacchi della nostra scuola.",
            "Dame tres ideas de nombre para el nuevo club de ajedrez de nuestro colegio."),
     "r": L("You could try The Knight Owls, Check Mates or The Pawn Stars. They are playful, easy to remember and "
            "would look good on a poster in the hallway.",
            "可以叫“骑士夜猫子”、“将军联盟”或“兵卒之星”。这些名字既俏皮又好记，贴在走廊的海报上也很醒目。",
            "'나이트 올빼미', '체크메이트 친구들', '폰의 반란' 같은 이름은 어떨까요? 재미있고 기억하기 쉬워서 복도 포스터에 "
            "붙여도 눈에 잘 띕니다.",
            "Potreste provare I Cavalieri della Notte, Scacco Matto o Le Stelle del Pedone. Sono nomi simpatici, facili "
            "da ricordare e starebbero bene su un cartellone in corridoio.",
            "Podéis probar con Los Caballos Nocturnos, Jaque Mate o Las Estrellas del Peón. Son nombres divertidos, "
            "fáciles de recordar y quedarían bien en un cartel del pasillo.")},
    {"q": L("You are a branding expert. Suggest a name for a podcast about growing vegetables at home.",
            "你是一位品牌专家。给一档讲在家种菜的播客起个名字。",
            "당신은 브랜딩 전문가입니다. 집에서 채소를 기르는 이야기를 다루는 팟캐스트 이름을 제안해 주세요.",
            "Sei un esperto di branding. Suggerisci un nome per un podcast sulla coltivazione dell'orto in casa.",
            "Eres experto en branding. Sugiere un nombre para un pódcast sobre cultivar verduras en casa."),
     "r": L("I would call it Dirt Under My Nails. It sounds friendly and honest, tells listeners at once that the "
            "show is about hands-on gardening, and is easy to remember.",
            "我会把它叫作“指甲缝里的泥土”。这个名字亲切又真实，让听众一下子就知道节目讲的是亲手种菜，而且很好记。",
            "저라면 '손톱 밑의 흙'이라고 짓겠습니다. 친근하고 솔직한 느낌이 들고, 직접 손으로 가꾸는 텃밭 이야기라는 것을 청취자가 "
            "바로 알 수 있으며, 기억하기도 쉽습니다.",
            "Lo chiamerei Terra Sotto le Unghie. Suona amichevole e sincero, fa capire subito che si parla di orto fatto "
            "con le proprie mani ed è facile da ricordare.",
            "Yo lo llamaría Tierra Bajo las Uñas. Suena cercano y sincero, deja claro enseguida que trata de cultivar "
            "con tus propias manos y es fácil de recordar.")},
    {"q": L("Our office is organising a charity fun run. Can you think of a catchy name for it?",
            "我们公司要办一场慈善趣味跑。你能想一个响亮的名字吗？",
            "우리 회사에서 자선 달리기 대회를 열어요. 기억에 남을 만한 이름을 생각해 줄 수 있나요?",
            "Il nostro ufficio organizza una corsa non competitiva di beneficenza. Ti viene in mente un nome accattivante?",
            "En la oficina organizamos una carrera solidaria. ¿Se te ocurre un nombre pegadizo?"),
     "r": L("How about Run for Smiles? It is cheerful, it shows that the race is for a good cause, and it works "
            "well on T-shirts and posters.",
            "叫“为微笑奔跑”怎么样？这个名字很欢快，能让人看出这是为公益而跑，印在T恤和海报上也很好看。",
            "'미소를 위한 달리기'는 어떨까요? 밝은 느낌이 들고 좋은 일을 위한 대회라는 것이 드러나며, 티셔츠나 포스터에 넣기에도 "
            "좋습니다.",
            "Che ne dici di Corri per un Sorriso? È allegro, fa capire che la corsa è per una buona causa e sta bene su "
            "magliette e manifesti.",
            "¿Qué tal Corre por una Sonrisa? Es alegre, deja ver que la carrera es por una buena causa y queda bien en "
            "camisetas y carteles.")},
    {"q": L("I'm writing a fantasy story for children. Help me name a friendly old dragon.",
            "我在给孩子们写一个奇幻故事。帮我给一条友善的老龙起个名字。",
            "아이들을 위한 판타지 동화를 쓰고 있어요. 다정한 늙은 용의 이름을 지어 주세요.",
            "Sto scrivendo una storia fantasy per bambini. Aiutami a dare un nome a un vecchio drago gentile.",
            "Estoy escribiendo un cuento de fantasía para niños. Ayúdame a ponerle nombre a un viejo dragón bondadoso."),
     "r": L("You could name him Ember, Old Bramble or Grandpa Cinder. These names sound warm rather than scary, "
            "which suits a kind dragon who has seen a lot.",
            "可以叫他“余火”、“老荆棘”或者“灰烬爷爷”。这些名字听起来温暖而不吓人，很适合一条见多识广的善良老龙。",
            "'불씨', '늙은 가시덤불', '잿더미 할아버지' 같은 이름은 어떨까요? 무섭기보다는 따뜻하게 들려서, 세상을 많이 겪은 "
            "착한 용에게 잘 어울립니다.",
            "Potresti chiamarlo Brace, Vecchio Rovo o Nonno Cenere. Sono nomi che suonano affettuosi più che paurosi, "
            "perfetti per un drago buono che ne ha viste tante.",
            "Podrías llamarlo Brasa, Viejo Zarzal o Abuelo Ceniza. Son nombres que suenan cálidos más que temibles, "
            "ideales para un dragón bondadoso que ha visto mucho.")},
    {"q": L("What should we call our family group chat? Give me something funny.", "我们的家庭群聊该叫什么名字？给我想个好玩的。",
            "우리 가족 단체 채팅방 이름을 뭐라고 하면 좋을까요? 재미있는 걸로 알려 주세요.",
            "Come potremmo chiamare la chat di famiglia? Dammi qualcosa di divertente.",
            "¿Cómo podríamos llamar al grupo de chat de la familia? Dame algo gracioso."),
     "r": L("Try The Fridge Door, since that is where families used to leave each other messages. Another fun "
            "option is Who Ate My Yoghurt, which every family will recognise.",
            "试试“冰箱门”吧，因为以前一家人就是在冰箱门上互相留言的。另一个好玩的选择是“谁吃了我的酸奶”，每个家庭都会心有戚戚。",
            "'냉장고 문'은 어떨까요? 예전에는 가족끼리 냉장고 문에 메모를 남기곤 했으니까요. '누가 내 요구르트 먹었어'도 어느 "
            "집이나 공감할 만한 재미있는 이름입니다.",
            "Prova con La Porta del Frigo, perché è lì che una volta le famiglie si lasciavano i messaggi. Un'altra idea "
            "divertente è Chi Ha Mangiato il Mio Yogurt, in cui ogni famiglia si riconoscerà.",
            "Prueba con La Puerta de la Nevera, porque ahí es donde antes las familias se dejaban mensajes. Otra opción "
            "divertida es Quién Se Ha Comido Mi Yogur, en la que cualquier familia se reconocerá.")},
])
