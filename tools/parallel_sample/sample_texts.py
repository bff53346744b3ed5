"""Hand-written answers for the parallel sample: advice, explanations, messages, lists, code.

Each entity carries its own answer in five languages (en, zh, ko, it, es); the instruction is a
shared phrasing with the entity's topic in a slot, or written out per entity where grammar asks
for it.  These are the open-ended shapes X-AlpacaEval is made of, on different topics.
"""

from __future__ import annotations

from make_parallel_sample import ANSWER, L, collector

TEMPLATES, template = collector()


# --- tips ------------------------------------------------------------------------------------------
template("tips", [
    L("What are some tips for {t}?", "{t}有哪些实用的小技巧？", "{t}에 도움이 되는 팁을 알려 주세요.",
      "Quali sono alcuni consigli per {t}?", "¿Qué consejos me darías para {t}?"),
    L("Can you give me some advice on {t}?", "关于{t}，你能给我一些建议吗？", "{t}에 대해 조언을 좀 해 줄 수 있나요?",
      "Mi daresti qualche consiglio per {t}?", "¿Me puedes dar algunos consejos para {t}?"),
], ANSWER, [
    {"t": L("learning to swim", "学游泳", "수영 배우기", "imparare a nuotare", "aprender a nadar"), "r": L(
        "Start in shallow water where you can stand. Practise floating and breathing out under water before you "
        "try to move, and if you can, take a few lessons with a qualified instructor.",
        "先在能站得住的浅水区练习。在尝试游动之前，先练好漂浮和在水下呼气；如果条件允许，最好跟着专业教练上几节课。",
        "먼저 발이 닿는 얕은 물에서 시작하세요. 앞으로 나아가기 전에 물에 뜨는 법과 물속에서 숨을 내쉬는 법을 연습하고, "
        "가능하다면 자격을 갖춘 강사에게 몇 번 강습을 받아 보세요.",
        "Comincia in acqua bassa, dove tocchi. Prima di provare a muoverti, esercitati a galleggiare e a espirare "
        "sott'acqua e, se puoi, prendi qualche lezione con un istruttore qualificato.",
        "Empieza en aguas poco profundas, donde hagas pie. Antes de intentar avanzar, practica la flotación y a soltar "
        "el aire bajo el agua y, si puedes, toma algunas clases con un instructor titulado.")},
    {"t": L("sleeping better", "改善睡眠", "숙면", "dormire meglio", "dormir mejor"), "r": L(
        "Go to bed and get up at the same time every day, even at weekends. Keep your bedroom dark, quiet and cool, "
        "and put your phone away an hour before you sleep.",
        "每天按时睡觉、按时起床，周末也不例外。让卧室保持黑暗、安静和凉爽，睡前一小时就把手机放到一边。",
        "주말에도 매일 같은 시간에 자고 일어나세요. 침실은 어둡고 조용하며 서늘하게 유지하고, 잠들기 한 시간 전에는 "
        "휴대폰을 멀리 두세요.",
        "Vai a letto e alzati alla stessa ora ogni giorno, anche nel fine settimana. Tieni la camera buia, silenziosa "
        "e fresca, e metti via il telefono un'ora prima di dormire.",
        "Acuéstate y levántate a la misma hora todos los días, también los fines de semana. Mantén el dormitorio "
        "oscuro, silencioso y fresco, y deja el móvil una hora antes de dormir.")},
    {"t": L("saving money", "存钱", "돈 모으기", "risparmiare denaro", "ahorrar dinero"), "r": L(
        "Write down everything you spend for a month to see where your money goes. Put a fixed amount into savings "
        "as soon as you are paid, and cook at home more often than you eat out.",
        "把一个月的每一笔开销都记下来，看看钱都花在了哪里。一拿到工资就先把固定的一部分存起来，并且多在家做饭，少在外面吃。",
        "한 달 동안 쓰는 돈을 모두 적어 보면 돈이 어디로 나가는지 알 수 있습니다. 월급을 받자마자 정해진 금액을 먼저 "
        "저축하고, 외식보다 집에서 요리하는 횟수를 늘려 보세요.",
        "Annota tutto quello che spendi per un mese, così vedrai dove vanno i tuoi soldi. Metti da parte una cifra "
        "fissa appena ricevi lo stipendio e cucina a casa più spesso invece di mangiare fuori.",
        "Apunta todo lo que gastas durante un mes para ver adónde va tu dinero. Aparta una cantidad fija en cuanto "
        "cobres y cocina en casa más a menudo en lugar de comer fuera.")},
    {"t": L("making friends in a new city", "在新城市交朋友", "새로운 도시에서 친구 사귀기",
            "fare amicizia in una nuova città", "hacer amigos en una ciudad nueva"), "r": L(
        "Join a club, a sports team or a class about something you enjoy, because seeing the same people every week "
        "makes friendships easier. Say yes to invitations, and be patient: good friendships take time.",
        "参加一个你感兴趣的俱乐部、运动队或课程，因为每周见到同一批人更容易建立友谊。多接受别人的邀请，也要有耐心：好的友谊需要时间。",
        "좋아하는 분야의 동호회나 운동 팀, 수업에 참여해 보세요. 매주 같은 사람들을 만나면 친해지기가 훨씬 쉽습니다. "
        "초대를 받으면 되도록 응하고, 좋은 우정에는 시간이 걸리니 조급해하지 마세요.",
        "Iscriviti a un circolo, a una squadra o a un corso su qualcosa che ti piace, perché vedere le stesse persone "
        "ogni settimana aiuta a fare amicizia. Accetta gli inviti e abbi pazienza: le buone amicizie richiedono tempo.",
        "Apúntate a un club, a un equipo o a una clase sobre algo que te guste, porque ver a las mismas personas cada "
        "semana facilita la amistad. Acepta las invitaciones y ten paciencia: las buenas amistades llevan tiempo.")},
    {"t": L("growing herbs on a windowsill", "在窗台上种香草", "창가에서 허브 키우기",
            "coltivare erbe aromatiche sul davanzale", "cultivar hierbas aromáticas en la ventana"), "r": L(
        "Pick a window that gets at least five hours of sun a day. Use pots with drainage holes, water when the top "
        "of the soil is dry, and cut the leaves often so the plants grow thicker.",
        "选一个每天至少有五个小时日照的窗台。用底部有排水孔的花盆，表层土干了再浇水，并经常修剪叶子，让植株长得更茂密。",
        "하루에 적어도 다섯 시간은 햇빛이 드는 창가를 고르세요. 배수 구멍이 있는 화분을 쓰고, 겉흙이 마르면 물을 주며, "
        "잎을 자주 잘라 주면 더 풍성하게 자랍니다.",
        "Scegli una finestra che riceva almeno cinque ore di sole al giorno. Usa vasi con i fori di drenaggio, annaffia "
        "quando la superficie del terriccio è asciutta e taglia spesso le foglie, così le piante crescono più folte.",
        "Elige una ventana que reciba al menos cinco horas de sol al día. Usa macetas con agujeros de drenaje, riega "
        "cuando la capa superior de la tierra esté seca y corta las hojas a menudo para que las plantas crezcan más "
        "tupidas.")},
    {"t": L("giving a good presentation", "做一场好的演讲", "발표 잘하기", "fare una buona presentazione",
            "hacer una buena presentación"), "r": L(
        "Decide on the one message you want people to remember and build everything around it. Rehearse out loud a "
        "few times, and look at your audience rather than reading from your slides.",
        "先想清楚你最希望听众记住的那一个观点，再围绕它组织所有内容。正式开始前大声排练几遍，演讲时看着听众，而不是照着幻灯片念。",
        "청중이 꼭 기억했으면 하는 핵심 메시지 하나를 정하고 모든 내용을 그것에 맞춰 구성하세요. 소리 내어 몇 번 "
        "연습하고, 발표할 때는 슬라이드를 읽기보다 청중을 바라보세요.",
        "Decidi qual è l'unico messaggio che vuoi far ricordare e costruisci tutto intorno a quello. Prova ad alta "
        "voce un paio di volte e guarda il pubblico invece di leggere le slide.",
        "Decide cuál es el mensaje principal que quieres que la gente recuerde y construye todo a su alrededor. "
        "Ensaya en voz alta varias veces y mira al público en lugar de leer las diapositivas.")},
    {"t": L("drinking more water", "多喝水", "물 많이 마시기", "bere più acqua", "beber más agua"), "r": L(
        "Keep a bottle of water on your desk so it is always in sight. Drink a glass with every meal, and add a slice "
        "of lemon or cucumber if you find plain water boring.",
        "在书桌上放一瓶水，让它随时出现在你眼前。每顿饭都配一杯水；如果觉得白开水没味道，可以加一片柠檬或黄瓜。",
        "책상 위에 물병을 두어 항상 눈에 보이게 하세요. 식사 때마다 물을 한 잔씩 마시고, 맹물이 심심하다면 레몬이나 "
        "오이 한 조각을 넣어 보세요.",
        "Tieni una bottiglia d'acqua sulla scrivania, così è sempre sotto i tuoi occhi. Bevi un bicchiere a ogni pasto "
        "e aggiungi una fetta di limone o di cetriolo se l'acqua naturale ti annoia.",
        "Ten una botella de agua en el escritorio para verla siempre. Bebe un vaso con cada comida y añade una rodaja "
        "de limón o de pepino si el agua sola te aburre.")},
    {"t": L("learning a new language", "学一门新语言", "새로운 언어 배우기", "imparare una nuova lingua",
            "aprender un idioma nuevo"), "r": L(
        "Practise a little every day instead of a lot once a week. Listen to songs and podcasts in the language, and "
        "speak as soon as you can without worrying about mistakes.",
        "每天练一点，比一周集中学一次效果更好。多听这门语言的歌曲和播客，并尽早开口说，不要担心犯错。",
        "일주일에 한 번 몰아서 하기보다 매일 조금씩 연습하세요. 그 언어로 된 노래와 팟캐스트를 듣고, 실수를 걱정하지 "
        "말고 되도록 빨리 말하기 시작하세요.",
        "Esercitati un po' ogni giorno invece di fare tanto una volta alla settimana. Ascolta canzoni e podcast nella "
        "lingua e comincia a parlare il prima possibile, senza preoccuparti degli errori.",
        "Practica un poco cada día en lugar de mucho una vez por semana. Escucha canciones y pódcasts en ese idioma y "
        "empieza a hablar cuanto antes, sin preocuparte por los errores.")},
    {"t": L("keeping a houseplant alive", "养活一盆室内植物", "실내 식물 잘 키우기",
            "mantenere in vita una pianta da appartamento", "mantener viva una planta de interior"), "r": L(
        "Find out how much light your plant needs and place it accordingly. Water it only when the soil feels dry, "
        "and move it to a bigger pot when the roots fill the old one.",
        "先弄清楚你的植物需要多少光照，再决定把它放在哪里。只在土摸起来干了的时候浇水，根长满花盆时就换一个更大的盆。",
        "식물에 필요한 햇빛의 양을 알아보고 그에 맞는 자리에 두세요. 흙이 말랐을 때만 물을 주고, 뿌리가 화분을 가득 "
        "채우면 더 큰 화분으로 옮겨 심으세요.",
        "Scopri di quanta luce ha bisogno la tua pianta e mettila nel posto giusto. Annaffiala solo quando il "
        "terriccio è asciutto al tatto e rinvasala in un vaso più grande quando le radici riempiono quello vecchio.",
        "Averigua cuánta luz necesita tu planta y colócala en consecuencia. Riégala solo cuando la tierra esté seca al "
        "tacto y trasplántala a una maceta más grande cuando las raíces llenen la anterior.")},
    {"t": L("running my first five kilometres", "第一次跑完五公里", "처음으로 5킬로미터 달리기",
            "correre i miei primi cinque chilometri", "correr mis primeros cinco kilómetros"), "r": L(
        "Begin with short runs broken up by walking breaks, and add a little distance each week. Wear comfortable "
        "running shoes, and rest at least one day between runs.",
        "一开始跑一小段、走一小段，交替进行，然后每周慢慢增加一点距离。穿一双舒适的跑鞋，两次跑步之间至少休息一天。",
        "처음에는 걷기와 달리기를 번갈아 하며 짧게 뛰고, 매주 거리를 조금씩 늘리세요. 편안한 러닝화를 신고, 달리기 "
        "사이에는 적어도 하루는 쉬세요.",
        "Inizia con brevi corse alternate a tratti di camminata e aumenta un po' la distanza ogni settimana. Indossa "
        "scarpe da corsa comode e riposa almeno un giorno tra un'uscita e l'altra.",
        "Empieza con carreras cortas alternadas con tramos caminando y aumenta un poco la distancia cada semana. Usa "
        "zapatillas cómodas y descansa al menos un día entre carrera y carrera.")},
    {"t": L("taking better photos with a phone", "用手机拍出更好的照片", "휴대폰으로 사진 잘 찍기",
            "fare foto migliori con il telefono", "hacer mejores fotos con el móvil"), "r": L(
        "Wipe the lens before you shoot, and use natural light whenever you can. Place the main subject a little off "
        "centre, and tap the screen to focus on it.",
        "拍照前先擦一擦镜头，尽量利用自然光。把主体放在稍微偏离画面中心的位置，并点一下屏幕让镜头对准它。",
        "찍기 전에 렌즈를 닦고, 가능하면 자연광을 활용하세요. 주인공이 되는 대상을 화면 중앙에서 살짝 비껴 두고, "
        "화면을 눌러 그 대상에 초점을 맞추세요.",
        "Pulisci l'obiettivo prima di scattare e sfrutta la luce naturale quando puoi. Metti il soggetto principale un "
        "po' fuori dal centro e tocca lo schermo per metterlo a fuoco.",
        "Limpia la lente antes de disparar y aprovecha la luz natural siempre que puedas. Coloca el motivo principal "
        "un poco fuera del centro y toca la pantalla para enfocarlo.")},
    {"t": L("reading more books", "多读书", "책 더 많이 읽기", "leggere più libri", "leer más libros"), "r": L(
        "Always carry a book or an e-reader with you, so waiting time becomes reading time. Read a few pages every "
        "night before bed, and give up on books you do not enjoy.",
        "随身带一本书或电子阅读器，把等待的时间变成阅读时间。每晚睡前读几页，遇到读不下去的书就大方地放下。",
        "책이나 전자책 단말기를 늘 가지고 다니면 기다리는 시간이 독서 시간이 됩니다. 매일 밤 자기 전에 몇 쪽씩 읽고, "
        "재미없는 책은 과감히 내려놓으세요.",
        "Porta sempre con te un libro o un e-reader, così i tempi di attesa diventano tempo di lettura. Leggi qualche "
        "pagina ogni sera prima di dormire e lascia perdere i libri che non ti piacciono.",
        "Lleva siempre un libro o un lector electrónico, así el tiempo de espera se convierte en tiempo de lectura. "
        "Lee unas páginas cada noche antes de dormir y abandona los libros que no te gusten.")},
])

# --- explanations ------------------------------------------------------------------------------------
template("explain", [
    L("Explain {c} in simple terms.", "请用简单的话解释一下{c}。", "{c:을} 쉽게 설명해 주세요.",
      "Spiega {c} in parole semplici.", "Explica {c} con palabras sencillas."),
    L("What is {c}? Please keep it short.", "什么是{c}？请简短回答。", "{c:이} 무엇인가요? 짧게 설명해 주세요.",
      "Che cos'è {c}? Rispondi in breve.", "¿Qué es {c}? Responde brevemente."),
], ANSWER, [
    {"c": L("photosynthesis", "光合作用", "광합성", "la fotosintesi", "la fotosíntesis"), "r": L(
        "Photosynthesis is how plants make their own food. They use sunlight to turn water and carbon dioxide from "
        "the air into sugar, and they release oxygen as a by-product.",
        "光合作用是植物给自己制造食物的方式。植物利用阳光，把水和空气中的二氧化碳转化为糖，同时释放出氧气。",
        "광합성은 식물이 스스로 양분을 만드는 과정입니다. 식물은 햇빛을 이용해 물과 공기 중의 이산화탄소를 당으로 "
        "바꾸고, 그 과정에서 산소를 내보냅니다.",
        "La fotosintesi è il modo in cui le piante producono il proprio cibo. Usano la luce del sole per trasformare "
        "l'acqua e l'anidride carbonica dell'aria in zucchero e liberano ossigeno.",
        "La fotosíntesis es la forma en que las plantas fabrican su propio alimento. Usan la luz del sol para "
        "convertir el agua y el dióxido de carbono del aire en azúcar, y liberan oxígeno.")},
    {"c": L("gravity", "重力", "중력", "la gravità", "la gravedad"), "r": L(
        "Gravity is the force that pulls objects towards each other. It is why things fall to the ground when you drop "
        "them and why the Moon keeps circling the Earth.",
        "重力是让物体相互吸引的力。正因为有重力，东西掉下时会落到地上，月球也会一直绕着地球转。",
        "중력은 물체들이 서로를 끌어당기는 힘입니다. 물건을 놓으면 땅으로 떨어지고 달이 계속 지구 주위를 도는 것도 "
        "중력 때문입니다.",
        "La gravità è la forza che attira gli oggetti gli uni verso gli altri. È il motivo per cui le cose cadono a "
        "terra quando le lasci e per cui la Luna continua a girare intorno alla Terra.",
        "La gravedad es la fuerza que atrae a los objetos entre sí. Por eso las cosas caen al suelo cuando las "
        "sueltas y la Luna sigue girando alrededor de la Tierra.")},
    {"c": L("recycling", "回收利用", "재활용", "il riciclo", "el reciclaje"), "r": L(
        "Recycling means collecting used materials such as paper, glass and plastic and turning them into new "
        "products. It saves raw materials and energy and reduces the amount of rubbish we throw away.",
        "回收利用是指把纸、玻璃、塑料等用过的材料收集起来，再加工成新产品。这样既节约原材料和能源，又能减少垃圾。",
        "재활용은 종이, 유리, 플라스틱처럼 쓰고 난 재료를 모아 새로운 제품으로 만드는 것입니다. 원료와 에너지를 아끼고 "
        "버려지는 쓰레기의 양을 줄여 줍니다.",
        "Il riciclo consiste nel raccogliere materiali usati come carta, vetro e plastica e trasformarli in nuovi "
        "prodotti. Fa risparmiare materie prime ed energia e riduce la quantità di rifiuti.",
        "El reciclaje consiste en recoger materiales usados, como papel, vidrio y plástico, y convertirlos en "
        "productos nuevos. Ahorra materias primas y energía y reduce la cantidad de basura.")},
    {"c": L("inflation", "通货膨胀", "인플레이션", "l'inflazione", "la inflación"), "r": L(
        "Inflation is when prices in general rise over time. As a result, the same amount of money buys a little "
        "less than it did before.",
        "通货膨胀是指物价总体上随时间不断上涨。结果就是，同样多的钱能买到的东西比以前少了。",
        "인플레이션은 전반적인 물가가 시간이 지나면서 오르는 현상입니다. 그 결과 같은 금액으로 살 수 있는 물건이 "
        "예전보다 줄어듭니다.",
        "L'inflazione è l'aumento generale dei prezzi nel tempo. Di conseguenza, con la stessa somma di denaro si "
        "compra un po' meno di prima.",
        "La inflación es la subida general de los precios con el paso del tiempo. Como resultado, con el mismo dinero "
        "se compra un poco menos que antes.")},
    {"c": L("an earthquake", "地震", "지진", "un terremoto", "un terremoto"), "r": L(
        "An earthquake is a sudden shaking of the ground. It happens when huge pieces of the Earth's crust, called "
        "plates, slip against each other and release energy.",
        "地震是地面突然发生的震动。当地壳中被称为板块的巨大岩块相互错动、释放出能量时，就会发生地震。",
        "지진은 땅이 갑자기 흔들리는 현상입니다. 판이라고 불리는 지각의 거대한 조각들이 서로 어긋나면서 에너지를 "
        "내뿜을 때 일어납니다.",
        "Un terremoto è un'improvvisa scossa del terreno. Avviene quando grandi blocchi della crosta terrestre, "
        "chiamati placche, scivolano l'uno contro l'altro e liberano energia.",
        "Un terremoto es una sacudida repentina del suelo. Se produce cuando grandes bloques de la corteza terrestre, "
        "llamados placas, se deslizan entre sí y liberan energía.")},
    {"c": L("electricity", "电", "전기", "l'elettricità", "la electricidad"), "r": L(
        "Electricity is the flow of tiny charged particles called electrons. When they move through a wire, they "
        "carry energy that can light a lamp or run a machine.",
        "电是被称为电子的微小带电粒子的流动。电子沿着电线移动时会携带能量，可以点亮电灯或驱动机器。",
        "전기는 전자라고 불리는 아주 작은 전하를 띤 입자들의 흐름입니다. 전자가 전선을 따라 움직이면서 에너지를 "
        "전달해 전등을 켜거나 기계를 움직입니다.",
        "L'elettricità è il flusso di minuscole particelle cariche chiamate elettroni. Quando si muovono lungo un "
        "filo, trasportano energia che può accendere una lampada o far funzionare una macchina.",
        "La electricidad es el flujo de unas partículas diminutas con carga llamadas electrones. Cuando se mueven por "
        "un cable, transportan energía que puede encender una lámpara o hacer funcionar una máquina.")},
    {"c": L("a leap year", "闰年", "윤년", "un anno bisestile", "un año bisiesto"), "r": L(
        "A leap year is a year with 366 days instead of 365. The extra day, 29 February, keeps our calendar in step "
        "with the Earth's journey around the Sun, which takes about 365 and a quarter days.",
        "闰年是有366天而不是365天的年份。多出来的那一天是2月29日，它让日历与地球绕太阳公转的周期保持一致，"
        "因为公转一圈大约需要365又四分之一天。",
        "윤년은 365일이 아니라 366일인 해입니다. 2월 29일이라는 하루를 더해서, 지구가 태양을 한 바퀴 도는 데 걸리는 "
        "약 365와 4분의 1일에 달력을 맞춥니다.",
        "Un anno bisestile è un anno di 366 giorni invece di 365. Il giorno in più, il 29 febbraio, mantiene il "
        "calendario allineato al giro della Terra intorno al Sole, che dura circa 365 giorni e un quarto.",
        "Un año bisiesto es un año de 366 días en lugar de 365. El día extra, el 29 de febrero, mantiene el "
        "calendario en sintonía con la vuelta de la Tierra alrededor del Sol, que dura unos 365 días y cuarto.")},
    {"c": L("the water cycle", "水循环", "물의 순환", "il ciclo dell'acqua", "el ciclo del agua"), "r": L(
        "The water cycle is the journey water makes around the planet. The sun heats water so it evaporates, the "
        "vapour cools into clouds, and it falls back as rain or snow into rivers and seas.",
        "水循环是水在地球上不断循环的过程。太阳加热使水蒸发，水蒸气遇冷形成云，然后又以雨或雪的形式落回河流和海洋。",
        "물의 순환은 물이 지구를 돌고 도는 과정입니다. 햇볕에 데워진 물이 증발하고, 수증기가 식어 구름이 되며, 다시 "
        "비나 눈이 되어 강과 바다로 돌아옵니다.",
        "Il ciclo dell'acqua è il viaggio che l'acqua compie sul pianeta. Il sole la scalda e la fa evaporare, il "
        "vapore si raffredda e forma le nuvole, e l'acqua ricade come pioggia o neve nei fiumi e nei mari.",
        "El ciclo del agua es el viaje que hace el agua por el planeta. El sol la calienta y se evapora, el vapor se "
        "enfría y forma nubes, y el agua vuelve a caer como lluvia o nieve en ríos y mares.")},
    {"c": L("a volcano", "火山", "화산", "un vulcano", "un volcán"), "r": L(
        "A volcano is an opening in the Earth's surface through which melted rock, gas and ash escape from deep "
        "underground. Over time, the lava that cools around the opening builds up a mountain.",
        "火山是地表的一个开口，地下深处的熔岩、气体和火山灰会从这里喷出。随着时间推移，在开口周围冷却的熔岩会堆积成一座山。",
        "화산은 땅속 깊은 곳의 녹은 암석과 가스, 화산재가 빠져나오는 지표의 구멍입니다. 시간이 지나면서 구멍 주변에서 "
        "식은 용암이 쌓여 산이 됩니다.",
        "Un vulcano è un'apertura nella superficie terrestre da cui escono roccia fusa, gas e cenere provenienti dal "
        "sottosuolo profondo. Con il tempo, la lava che si raffredda intorno all'apertura forma una montagna.",
        "Un volcán es una abertura en la superficie de la Tierra por la que salen roca fundida, gases y ceniza desde "
        "las profundidades. Con el tiempo, la lava que se enfría alrededor de la abertura forma una montaña.")},
    {"c": L("a solar eclipse", "日食", "일식", "un'eclissi solare", "un eclipse solar"), "r": L(
        "A solar eclipse happens when the Moon passes between the Sun and the Earth. The Moon blocks some or all of "
        "the Sun's light, so for a few minutes the sky can grow dark in the middle of the day.",
        "当月球运行到太阳和地球之间时，就会发生日食。月球挡住了部分或全部阳光，所以在白天，天空也可能会暗下来几分钟。",
        "일식은 달이 태양과 지구 사이를 지나갈 때 일어납니다. 달이 햇빛의 일부나 전부를 가리기 때문에 한낮에도 몇 분 "
        "동안 하늘이 어두워질 수 있습니다.",
        "Un'eclissi solare avviene quando la Luna passa tra il Sole e la Terra. La Luna copre in parte o del tutto la "
        "luce del Sole, così per qualche minuto il cielo può oscurarsi in pieno giorno.",
        "Un eclipse solar ocurre cuando la Luna pasa entre el Sol y la Tierra. La Luna tapa parte o toda la luz del "
        "Sol, así que durante unos minutos el cielo puede oscurecerse en pleno día.")},
    {"c": L("a vaccine", "疫苗", "백신", "un vaccino", "una vacuna"), "r": L(
        "A vaccine teaches your immune system to recognise a germ without making you ill. If the real germ arrives "
        "later, your body already knows how to fight it.",
        "疫苗能让你的免疫系统在你不生病的情况下认识某种病菌。以后真正的病菌来了，身体就已经知道该怎样对付它。",
        "백신은 병에 걸리지 않고도 면역 체계가 병원균을 알아보도록 가르쳐 줍니다. 나중에 진짜 병원균이 들어오면 몸은 "
        "이미 그것과 싸우는 법을 알고 있습니다.",
        "Un vaccino insegna al sistema immunitario a riconoscere un germe senza farti ammalare. Se più avanti arriva "
        "il germe vero, il corpo sa già come combatterlo.",
        "Una vacuna enseña a tu sistema inmunitario a reconocer un germen sin hacerte enfermar. Si más adelante llega "
        "el germen de verdad, tu cuerpo ya sabe cómo combatirlo.")},
    {"c": L("the greenhouse effect", "温室效应", "온실 효과", "l'effetto serra", "el efecto invernadero"), "r": L(
        "The greenhouse effect is the way some gases in the air trap the Sun's heat near the Earth, like the glass of "
        "a greenhouse. It keeps our planet warm enough to live on, but more of these gases makes it warmer still.",
        "温室效应是指空气中的某些气体像温室的玻璃一样，把太阳的热量留在地球附近。它让地球温暖得适合生存，但这类气体越多，地球就会变得越热。",
        "온실 효과는 공기 중의 일부 기체가 온실 유리처럼 태양열을 지구 가까이에 붙잡아 두는 현상입니다. 덕분에 지구는 "
        "살기에 알맞은 온도를 유지하지만, 이런 기체가 늘어나면 지구는 더 뜨거워집니다.",
        "L'effetto serra è il modo in cui alcuni gas dell'aria trattengono il calore del Sole vicino alla Terra, come "
        "il vetro di una serra. Rende il pianeta abbastanza caldo da viverci, ma se questi gas aumentano fa ancora più "
        "caldo.",
        "El efecto invernadero es la forma en que algunos gases del aire atrapan el calor del Sol cerca de la Tierra, "
        "como el cristal de un invernadero. Mantiene el planeta lo bastante cálido para vivir, pero si esos gases "
        "aumentan, se calienta aún más.")},
])

# --- benefits ---------------------------------------------------------------------------------------
template("benefits", [
    L("What are the benefits of {h}?", "{h}有什么好处？", "{h}의 장점은 무엇인가요?", "Quali sono i vantaggi di {h}?",
      "¿Qué beneficios tiene {h}?"),
    L("Why is {h} a good idea?", "为什么说{h}是个好主意？", "{h:이} 왜 좋은가요?", "Perché {h} è una buona idea?",
      "¿Por qué {h} es una buena idea?"),
], ANSWER, [
    {"h": L("cycling to work", "骑自行车上班", "자전거로 출근하기", "andare al lavoro in bicicletta",
            "ir al trabajo en bicicleta"), "r": L(
        "Cycling to work builds exercise into your day without extra time at the gym. It is cheap, it avoids traffic "
        "jams, and it produces no exhaust fumes.",
        "骑自行车上班能把锻炼融入日常，不用专门花时间去健身房。它花费少，能避开堵车，而且不排放尾气。",
        "자전거로 출근하면 헬스장에 따로 시간을 들이지 않아도 하루 일과 속에서 운동을 할 수 있습니다. 비용이 적게 들고 "
        "교통 체증을 피할 수 있으며 배기가스도 나오지 않습니다.",
        "Andare al lavoro in bicicletta ti permette di fare movimento ogni giorno senza passare altro tempo in "
        "palestra. Costa poco, evita il traffico e non produce gas di scarico.",
        "Ir al trabajo en bicicleta te permite hacer ejercicio a diario sin dedicar más tiempo al gimnasio. Es "
        "barato, evita los atascos y no produce gases contaminantes.")},
    {"h": L("learning to play an instrument", "学一种乐器", "악기 배우기", "imparare a suonare uno strumento",
            "aprender a tocar un instrumento"), "r": L(
        "Learning an instrument trains your memory, your concentration and your patience. It is also a great way to "
        "relax and to make music with other people.",
        "学乐器能锻炼记忆力、专注力和耐心。它也是放松自己、和别人一起玩音乐的好方法。",
        "악기를 배우면 기억력과 집중력, 인내심이 길러집니다. 또한 마음을 편하게 하고 다른 사람들과 함께 음악을 즐기는 "
        "좋은 방법이기도 합니다.",
        "Imparare uno strumento allena la memoria, la concentrazione e la pazienza. È anche un ottimo modo per "
        "rilassarsi e fare musica con altre persone.",
        "Aprender a tocar un instrumento entrena la memoria, la concentración y la paciencia. También es una forma "
        "estupenda de relajarse y de hacer música con otras personas.")},
    {"h": L("keeping a diary", "写日记", "일기 쓰기", "tenere un diario", "llevar un diario"), "r": L(
        "Writing a diary helps you sort out your thoughts and notice patterns in your mood. Years later, it is also a "
        "lovely record of what your life was like.",
        "写日记能帮你理清思路，发现自己情绪变化的规律。多年以后，它也是记录你当年生活的珍贵回忆。",
        "일기를 쓰면 생각을 정리하고 자신의 기분이 어떻게 변하는지 알아차리는 데 도움이 됩니다. 몇 년이 지나면 그때의 "
        "삶을 담은 소중한 기록이 되기도 합니다.",
        "Tenere un diario aiuta a mettere ordine nei pensieri e a notare come cambia il tuo umore. Anni dopo, è anche "
        "un bel ricordo di com'era la tua vita.",
        "Llevar un diario ayuda a ordenar las ideas y a notar cómo cambia tu estado de ánimo. Años después, es "
        "también un bonito recuerdo de cómo era tu vida.")},
    {"h": L("spending time in nature", "多到大自然中走走", "자연 속에서 시간 보내기", "passare del tempo nella natura",
            "pasar tiempo en la naturaleza"), "r": L(
        "Time outdoors lowers stress and improves your mood, even after a short walk in a park. Fresh air and "
        "daylight also help you sleep better at night.",
        "在户外待一段时间能减轻压力、改善心情，哪怕只是在公园里散一会儿步。新鲜空气和阳光还能让你晚上睡得更好。",
        "공원을 잠깐 산책하는 것만으로도 스트레스가 줄고 기분이 좋아집니다. 신선한 공기와 햇빛은 밤에 잠을 더 잘 자게 "
        "도와주기도 합니다.",
        "Stare all'aperto riduce lo stress e migliora l'umore, anche dopo una breve passeggiata in un parco. L'aria "
        "fresca e la luce del giorno aiutano anche a dormire meglio la notte.",
        "Estar al aire libre reduce el estrés y mejora el ánimo, incluso después de un paseo corto por un parque. El "
        "aire fresco y la luz del día también ayudan a dormir mejor por la noche.")},
    {"h": L("volunteering", "做志愿者", "자원봉사", "fare volontariato", "hacer voluntariado"), "r": L(
        "Volunteering lets you help your community and meet people who care about the same things. Many volunteers "
        "also learn new skills and feel happier and more connected.",
        "做志愿者既能帮助你所在的社区，又能认识志同道合的人。很多志愿者还能学到新技能，并且感觉更快乐、与他人联系更紧密。",
        "자원봉사를 하면 지역 사회를 도우면서 같은 가치를 중요하게 여기는 사람들을 만날 수 있습니다. 많은 "
        "자원봉사자들이 새로운 기술을 배우고 더 행복해지며 소속감을 느낀다고 말합니다.",
        "Fare volontariato ti permette di aiutare la tua comunità e di conoscere persone che hanno a cuore le tue "
        "stesse cose. Molti volontari imparano anche nuove competenze e si sentono più felici e meno soli.",
        "Hacer voluntariado te permite ayudar a tu comunidad y conocer a gente a la que le importan las mismas "
        "cosas. Muchos voluntarios también aprenden habilidades nuevas y se sienten más felices y acompañados.")},
    {"h": L("having a pet", "养宠物", "반려동물 키우기", "avere un animale domestico", "tener una mascota"), "r": L(
        "A pet gives you company and a daily routine, and looking after it can lift your mood. Dogs in particular get "
        "their owners out for a walk every day.",
        "宠物能陪伴你，也让你的生活更有规律，照顾它还能让人心情变好。尤其是养狗的人，每天都会被带出门散步。",
        "반려동물은 곁을 지켜 주고 생활에 규칙적인 리듬을 만들어 주며, 돌보는 과정에서 기분도 좋아집니다. 특히 강아지를 "
        "키우면 매일 산책을 하게 됩니다.",
        "Un animale ti fa compagnia e ti dà una routine quotidiana, e prendersene cura può migliorare l'umore. I cani, "
        "in particolare, portano i padroni a fare una passeggiata ogni giorno.",
        "Una mascota te hace compañía y te da una rutina diaria, y cuidarla puede mejorar tu ánimo. Los perros, en "
        "particular, sacan a sus dueños a pasear todos los días.")},
    {"h": L("eating breakfast", "吃早餐", "아침 식사하기", "fare colazione", "desayunar"), "r": L(
        "A good breakfast gives you energy for the morning and helps you concentrate at school or at work. It also "
        "makes you less likely to snack on sweets before lunch.",
        "一顿好的早餐能为你提供上午所需的能量，帮助你在学校或工作中集中注意力。它还能让你在午饭前不那么想吃零食。",
        "든든한 아침 식사는 오전에 필요한 에너지를 주고 학교나 직장에서 집중하는 데 도움이 됩니다. 또 점심 전에 단 "
        "간식을 찾게 될 가능성도 줄여 줍니다.",
        "Una buona colazione ti dà energia per la mattina e ti aiuta a concentrarti a scuola o al lavoro. Inoltre "
        "rende meno probabile che tu mangi dolci prima di pranzo.",
        "Un buen desayuno te da energía para la mañana y te ayuda a concentrarte en clase o en el trabajo. Además, "
        "hace menos probable que piques dulces antes de comer.")},
    {"h": L("learning to cook", "学做饭", "요리 배우기", "imparare a cucinare", "aprender a cocinar"), "r": L(
        "Cooking for yourself is usually cheaper and healthier than buying ready meals, because you choose the "
        "ingredients. It is also a fun skill to share with friends and family.",
        "自己做饭通常比买现成的饭菜更省钱、更健康，因为食材由你自己挑选。这也是一项能和亲朋好友一起分享的有趣技能。",
        "직접 요리하면 재료를 스스로 고를 수 있어서 보통 완제품을 사 먹는 것보다 저렴하고 건강합니다. 친구나 가족과 함께 "
        "즐길 수 있는 재미있는 기술이기도 합니다.",
        "Cucinare da soli di solito costa meno ed è più sano che comprare piatti pronti, perché scegli tu gli "
        "ingredienti. È anche un'abilità divertente da condividere con amici e familiari.",
        "Cocinar para ti suele ser más barato y más sano que comprar platos preparados, porque eliges tú los "
        "ingredientes. También es una habilidad divertida para compartir con amigos y familia.")},
])

# --- pros and cons ----------------------------------------------------------------------------------
template("pros_cons", [
    L("What are the pros and cons of {x}?", "{x}有哪些优点和缺点？", "{x}의 장단점은 무엇인가요?",
      "Quali sono i pro e i contro di {x}?", "¿Cuáles son las ventajas y desventajas de {x}?"),
], L("Pros: {p}\nCons: {c}", "优点：{p}\n缺点：{c}", "장점: {p}\n단점: {c}", "Pro: {p}\nContro: {c}",
     "Ventajas: {p}\nDesventajas: {c}"), [
    {"x": L("living in a big city", "住在大城市", "대도시 생활", "vivere in una grande città", "vivir en una gran ciudad"),
     "p": L("more jobs, good public transport and plenty of culture and entertainment.",
            "工作机会多，公共交通便利，文化和娱乐活动丰富。",
            "일자리가 많고 대중교통이 편리하며 문화생활과 즐길 거리가 풍부합니다.",
            "più lavoro, buoni trasporti pubblici e tanta cultura e intrattenimento.",
            "más empleo, buen transporte público y mucha oferta cultural y de ocio."),
     "c": L("higher rents, more noise and pollution, and crowded streets.", "房租高，噪音和污染多，街道拥挤。",
            "집세가 비싸고 소음과 오염이 심하며 거리가 붐빕니다.",
            "affitti più alti, più rumore e inquinamento, e strade affollate.",
            "alquileres más caros, más ruido y contaminación, y calles abarrotadas.")},
    {"x": L("owning a car", "拥有一辆汽车", "자동차 소유", "avere un'auto", "tener coche"),
     "p": L("you can travel when and where you want, and carrying shopping or luggage is easy.",
            "想去哪儿、什么时候去都很自由，搬运购物袋和行李也很方便。",
            "원하는 때에 원하는 곳으로 갈 수 있고 장 본 물건이나 짐을 옮기기 쉽습니다.",
            "puoi spostarti quando e dove vuoi, ed è facile trasportare la spesa o i bagagli.",
            "puedes ir cuando y adonde quieras, y es fácil llevar la compra o el equipaje."),
     "c": L("fuel, insurance, repairs and parking are expensive, and cars pollute the air.",
            "油费、保险、维修和停车费用都很高，而且汽车会污染空气。",
            "기름값과 보험료, 수리비, 주차비가 많이 들고 대기 오염을 일으킵니다.",
            "carburante, assicurazione, riparazioni e parcheggio costano, e le auto inquinano l'aria.",
            "la gasolina, el seguro, las reparaciones y el aparcamiento son caros, y los coches contaminan el aire.")},
    {"x": L("studying abroad", "出国留学", "해외 유학", "studiare all'estero", "estudiar en el extranjero"),
     "p": L("you learn a language quickly, meet people from many cultures and become more independent.",
            "语言进步快，能结识来自不同文化的人，也会变得更独立。",
            "언어를 빨리 익히고 다양한 문화권의 사람들을 만나며 더 독립적으로 성장할 수 있습니다.",
            "impari in fretta una lingua, conosci persone di tante culture e diventi più indipendente.",
            "aprendes un idioma rápido, conoces a gente de muchas culturas y te vuelves más independiente."),
     "c": L("it can be expensive, and you may feel homesick or lonely at first.",
            "费用可能很高，刚开始还可能会想家或感到孤单。",
            "비용이 많이 들 수 있고 처음에는 향수병이나 외로움을 느낄 수 있습니다.",
            "può essere costoso e all'inizio potresti sentire nostalgia di casa o solitudine.",
            "puede ser caro y al principio quizá sientas nostalgia o soledad.")},
    {"x": L("shopping online", "网上购物", "온라인 쇼핑", "fare acquisti online", "comprar por internet"),
     "p": L("it is convenient, you can compare prices easily and the shop never closes.",
            "方便省事，容易比较价格，而且网店全天候营业。",
            "편리하고 가격을 쉽게 비교할 수 있으며 언제든 주문할 수 있습니다.",
            "è comodo, puoi confrontare i prezzi facilmente e il negozio non chiude mai.",
            "es cómodo, puedes comparar precios fácilmente y la tienda nunca cierra."),
     "c": L("you cannot touch or try the products, returns can be a hassle, and packaging creates waste.",
            "无法亲手摸一摸或试一试商品，退货可能很麻烦，包装还会产生垃圾。",
            "물건을 직접 만져 보거나 입어 볼 수 없고 반품이 번거로울 수 있으며 포장재 쓰레기가 생깁니다.",
            "non puoi toccare o provare i prodotti, i resi possono essere una seccatura e gli imballaggi producono "
            "rifiuti.",
            "no puedes tocar ni probarte los productos, las devoluciones pueden ser un engorro y los embalajes generan "
            "residuos.")},
    {"x": L("living alone", "一个人住", "혼자 살기", "vivere da soli", "vivir solo"),
     "p": L("you have complete freedom, privacy and quiet, and you organise your home your way.",
            "完全自由，有隐私也很安静，家里怎么布置都由你决定。",
            "완전한 자유와 사생활, 조용함을 누릴 수 있고 집을 내 방식대로 꾸밀 수 있습니다.",
            "hai piena libertà, privacy e tranquillità, e organizzi la casa a modo tuo.",
            "tienes total libertad, intimidad y tranquilidad, y organizas tu casa a tu manera."),
     "c": L("you pay all the bills yourself, do all the chores, and may sometimes feel lonely.",
            "所有账单都要自己付，家务也全靠自己，有时还可能觉得孤单。",
            "모든 공과금을 혼자 내고 집안일도 혼자 해야 하며 가끔 외로울 수 있습니다.",
            "paghi da solo tutte le bollette, fai tutte le faccende e a volte puoi sentirti solo.",
            "pagas todas las facturas, haces todas las tareas y a veces puedes sentirte solo.")},
    {"x": L("travelling by train", "坐火车旅行", "기차 여행", "viaggiare in treno", "viajar en tren"),
     "p": L("it is comfortable, you can read or work on the way, and stations are usually in city centres.",
            "舒适，路上可以看书或工作，而且火车站通常位于市中心。",
            "편안하고 가는 동안 책을 읽거나 일을 할 수 있으며 역이 대개 도심에 있습니다.",
            "è comodo, durante il viaggio puoi leggere o lavorare e le stazioni sono di solito in centro.",
            "es cómodo, puedes leer o trabajar durante el trayecto y las estaciones suelen estar en el centro."),
     "c": L("tickets can be pricey if you book late, and delays or strikes can change your plans.",
            "临时买票可能很贵，晚点或停运也可能打乱你的计划。",
            "늦게 예매하면 표가 비쌀 수 있고 연착이나 파업 때문에 계획이 틀어질 수 있습니다.",
            "i biglietti possono costare cari se prenoti tardi, e ritardi o scioperi possono cambiare i tuoi piani.",
            "los billetes pueden salir caros si reservas tarde, y los retrasos o las huelgas pueden cambiar tus "
            "planes.")},
    {"x": L("giving children a smartphone", "给孩子配智能手机", "아이에게 스마트폰을 주는 것",
            "dare uno smartphone ai bambini", "darles un móvil a los niños"),
     "p": L("children can call their parents, find their way and use useful learning apps.",
            "孩子可以随时联系父母、查路线，还能使用有用的学习软件。",
            "아이가 부모에게 연락하고 길을 찾으며 유용한 학습 앱을 쓸 수 있습니다.",
            "i bambini possono chiamare i genitori, orientarsi e usare app utili per imparare.",
            "los niños pueden llamar a sus padres, orientarse y usar aplicaciones útiles para aprender."),
     "c": L("they may spend too much time on screens, sleep less and see content that is not meant for them.",
            "孩子可能花太多时间看屏幕、睡得更少，还可能看到不适合他们的内容。",
            "화면을 보는 시간이 너무 길어지고 잠이 줄어들며, 아이에게 맞지 않는 내용을 볼 수도 있습니다.",
            "rischiano di passare troppo tempo davanti allo schermo, dormire meno e vedere contenuti non adatti a loro.",
            "pueden pasar demasiado tiempo ante la pantalla, dormir menos y ver contenidos que no son para ellos.")},
    {"x": L("buying second-hand clothes", "买二手衣服", "중고 의류 구매", "comprare vestiti usati",
            "comprar ropa de segunda mano"),
     "p": L("it is much cheaper, you can find unique pieces, and it keeps clothes out of landfill.",
            "价格便宜得多，能淘到独一无二的衣服，还能减少被填埋的衣物。",
            "훨씬 저렴하고 개성 있는 옷을 찾을 수 있으며 버려지는 옷을 줄일 수 있습니다.",
            "costa molto meno, puoi trovare capi unici ed eviti che i vestiti finiscano in discarica.",
            "es mucho más barato, puedes encontrar prendas únicas y evitas que la ropa acabe en el vertedero."),
     "c": L("sizes are limited, some items are worn, and finding what you want takes patience.",
            "尺码选择有限，有些衣服有磨损，想找到心仪的款式需要耐心。",
            "사이즈가 한정적이고 닳은 옷도 있으며 원하는 옷을 찾으려면 인내심이 필요합니다.",
            "le taglie sono limitate, alcuni capi sono consumati e trovare ciò che cerchi richiede pazienza.",
            "las tallas son limitadas, algunas prendas están gastadas y encontrar lo que buscas requiere paciencia.")},
])
