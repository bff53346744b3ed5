"""Hand-written how-to, comparison, "why" and story items for the parallel sample (en, zh, ko, it, es)."""

from __future__ import annotations

from make_parallel_sample import ANSWER, L, collector, same

TEMPLATES, template = collector()
OWN = same("{i}")


# --- recipes --------------------------------------------------------------------------------------
template("recipe", [OWN], ANSWER, [
    {"i": L("How do I make a good cup of green tea?", "怎样泡出一杯好喝的绿茶？", "맛있는 녹차는 어떻게 우리나요?",
            "Come si prepara una buona tazza di tè verde?", "¿Cómo preparo una buena taza de té verde?"),
     "r": L("Heat the water until it is hot but not boiling, about 80 °C. Pour it over one teaspoon of leaves, wait "
            "two to three minutes, then remove the leaves so the tea does not turn bitter.",
            "把水烧到很热但不沸腾，大约80°C。把水倒在一茶匙茶叶上，等两到三分钟，然后把茶叶取出来，免得茶变苦。",
            "물을 끓기 직전인 80°C 정도로 데우세요. 찻잎 한 티스푼에 물을 붓고 2~3분 기다린 다음, 차가 쓰지 않도록 "
            "찻잎을 건져 내세요.",
            "Scalda l'acqua finché è calda ma non bolle, circa 80 °C. Versala su un cucchiaino di foglie, aspetta due o "
            "tre minuti e poi togli le foglie, così il tè non diventa amaro.",
            "Calienta el agua hasta que esté caliente pero sin hervir, a unos 80 °C. Viértela sobre una cucharadita "
            "de hojas, espera dos o tres minutos y retira las hojas para que el té no amargue.")},
    {"i": L("How do I make soft scrambled eggs?", "怎么做嫩滑的炒鸡蛋？", "부드러운 스크램블드에그는 어떻게 만드나요?",
            "Come si fanno le uova strapazzate morbide?", "¿Cómo hago unos huevos revueltos jugosos?"),
     "r": L("Beat two eggs with a pinch of salt. Cook them in a little butter over low heat, stirring gently all the "
            "time, and take the pan off the heat while they still look slightly wet.",
            "把两个鸡蛋加一小撮盐打散。锅里放一点黄油，用小火慢慢炒，一直轻轻搅拌，在蛋看起来还略微湿润时就离火。",
            "달걀 두 개에 소금을 한 꼬집 넣고 잘 풀어 주세요. 버터를 조금 두른 팬에 약한 불로 익히면서 계속 살살 저어 "
            "주고, 아직 살짝 촉촉해 보일 때 불에서 내리세요.",
            "Sbatti due uova con un pizzico di sale. Cuocile in poco burro a fuoco basso, mescolando piano tutto il "
            "tempo, e togli la padella dal fuoco quando sembrano ancora un po' umide.",
            "Bate dos huevos con una pizca de sal. Cocínalos con un poco de mantequilla a fuego lento, removiendo "
            "suavemente todo el rato, y aparta la sartén del fuego cuando todavía parezcan un poco húmedos.")},
    {"i": L("How do I make homemade lemonade?", "自制柠檬水怎么做？", "집에서 레모네이드는 어떻게 만드나요?",
            "Come si fa la limonata in casa?", "¿Cómo se hace limonada casera?"),
     "r": L("Squeeze four lemons and mix the juice with a litre of cold water. Stir in sugar or honey to taste, add "
            "ice and a few mint leaves, and serve straight away.",
            "挤四个柠檬的汁，和一升冷水混合。按口味加入糖或蜂蜜搅匀，再放些冰块和几片薄荷叶，马上就可以喝了。",
            "레몬 네 개를 짜서 그 즙을 찬물 1리터와 섞으세요. 입맛에 맞게 설탕이나 꿀을 넣어 저은 뒤, 얼음과 민트 잎 몇 "
            "장을 넣어 바로 드세요.",
            "Spremi quattro limoni e mescola il succo con un litro di acqua fredda. Aggiungi zucchero o miele a "
            "piacere, metti ghiaccio e qualche foglia di menta e servi subito.",
            "Exprime cuatro limones y mezcla el zumo con un litro de agua fría. Añade azúcar o miel al gusto, pon "
            "hielo y unas hojas de menta, y sírvela enseguida.")},
    {"i": L("How do I cook plain white rice?", "白米饭怎么煮？", "흰쌀밥은 어떻게 짓나요?", "Come si cuoce il riso bianco?",
            "¿Cómo se cocina arroz blanco?"),
     "r": L("Rinse one cup of rice until the water runs clear. Put it in a pot with one and a half cups of water, "
            "bring it to the boil, then cover and simmer on low heat for 15 minutes. Let it rest for 5 minutes "
            "before serving.",
            "把一杯米淘洗到水变清。放进锅里，加一杯半的水，煮开后盖上锅盖，用小火焖15分钟。关火后再焖5分钟就可以吃了。",
            "쌀 한 컵을 물이 맑아질 때까지 씻으세요. 냄비에 쌀과 물 한 컵 반을 넣고 끓어오르면 뚜껑을 덮어 약한 불에서 "
            "15분간 익히세요. 불을 끄고 5분 정도 뜸을 들이면 완성입니다.",
            "Sciacqua una tazza di riso finché l'acqua non è limpida. Mettila in una pentola con una tazza e mezza "
            "d'acqua, porta a ebollizione, poi copri e lascia cuocere a fuoco basso per 15 minuti. Fai riposare 5 "
            "minuti prima di servire.",
            "Lava una taza de arroz hasta que el agua salga limpia. Ponla en una olla con taza y media de agua, "
            "llévala a ebullición, tapa y cuece a fuego lento 15 minutos. Deja reposar 5 minutos antes de servir.")},
    {"i": L("How do I make simple pancakes?", "简单的松饼怎么做？", "간단한 팬케이크는 어떻게 만드나요?",
            "Come si preparano dei pancake semplici?", "¿Cómo se hacen unas tortitas sencillas?"),
     "r": L("Mix one cup of flour, one egg, one cup of milk and a pinch of salt into a smooth batter. Pour a small "
            "ladle into a hot, lightly oiled pan and flip the pancake when bubbles appear on top.",
            "把一杯面粉、一个鸡蛋、一杯牛奶和一小撮盐搅成顺滑的面糊。在烧热并抹了薄油的平底锅里倒入一小勺面糊，表面冒泡时翻面。",
            "밀가루 한 컵, 달걀 한 개, 우유 한 컵, 소금 한 꼬집을 섞어 매끄러운 반죽을 만드세요. 기름을 살짝 두른 뜨거운 "
            "팬에 반죽을 한 국자씩 붓고, 윗면에 기포가 생기면 뒤집으세요.",
            "Mescola una tazza di farina, un uovo, una tazza di latte e un pizzico di sale fino a ottenere una pastella "
            "liscia. Versane un mestolino in una padella calda leggermente unta e gira il pancake quando in superficie "
            "compaiono delle bolle.",
            "Mezcla una taza de harina, un huevo, una taza de leche y una pizca de sal hasta obtener una masa fina. "
            "Vierte un cazo pequeño en una sartén caliente ligeramente engrasada y dale la vuelta a la tortita cuando "
            "salgan burbujas por encima.")},
    {"i": L("How do I make hot chocolate?", "热巧克力怎么做？", "핫초코는 어떻게 만드나요?", "Come si fa la cioccolata calda?",
            "¿Cómo se hace chocolate caliente?"),
     "r": L("Warm a cup of milk in a small pan without letting it boil. Stir in two spoons of cocoa and one of sugar "
            "until smooth, and finish with a pinch of cinnamon if you like.",
            "用小锅加热一杯牛奶，注意不要煮沸。加入两勺可可粉和一勺糖，搅拌到顺滑，喜欢的话最后再撒一点肉桂粉。",
            "작은 냄비에 우유 한 컵을 끓지 않을 정도로 데우세요. 코코아 가루 두 숟가락과 설탕 한 숟가락을 넣고 부드러워질 "
            "때까지 저은 다음, 원하면 계피 가루를 조금 뿌리세요.",
            "Scalda una tazza di latte in un pentolino senza farlo bollire. Aggiungi due cucchiai di cacao e uno di "
            "zucchero mescolando finché è liscia e, se ti piace, finisci con un pizzico di cannella.",
            "Calienta una taza de leche en un cazo sin que llegue a hervir. Añade dos cucharadas de cacao y una de "
            "azúcar, remueve hasta que quede suave y, si te gusta, termina con una pizca de canela.")},
    {"i": L("How do I make a quick green salad?", "怎么快速做一份蔬菜沙拉？", "간단한 그린 샐러드는 어떻게 만드나요?",
            "Come si prepara un'insalata verde veloce?", "¿Cómo preparo una ensalada verde rápida?"),
     "r": L("Wash and dry some lettuce, slice a cucumber and a few radishes, and put everything in a bowl. Dress it "
            "with olive oil, lemon juice, salt and pepper just before serving.",
            "把生菜洗净沥干，黄瓜和几个小萝卜切片，全部放进碗里。上桌前淋上橄榄油和柠檬汁，再撒点盐和胡椒。",
            "상추를 씻어 물기를 빼고, 오이와 래디시 몇 개를 얇게 썰어 그릇에 모두 담으세요. 먹기 직전에 올리브유와 "
            "레몬즙을 두르고 소금과 후추로 간을 하세요.",
            "Lava e asciuga un po' di lattuga, affetta un cetriolo e qualche ravanello e metti tutto in una ciotola. "
            "Condisci con olio d'oliva, succo di limone, sale e pepe appena prima di servire.",
            "Lava y seca un poco de lechuga, corta en rodajas un pepino y unos rábanos, y ponlo todo en un bol. Alíñala "
            "con aceite de oliva, zumo de limón, sal y pimienta justo antes de servir.")},
])

# --- comparisons ----------------------------------------------------------------------------------
template("difference", [
    L("What is the difference between {x} and {y}?", "{x}和{y}有什么区别？", "{x:과} {y}의 차이는 무엇인가요?",
      "Qual è la differenza tra {x} e {y}?", "¿Qué diferencia hay entre {x} y {y}?"),
], ANSWER, [
    {"x": L("a lake", "湖", "호수", "un lago", "un lago"), "y": L("a sea", "海", "바다", "un mare", "un mar"),
     "r": L("A lake is a body of water surrounded by land, and it is usually fresh water. A sea is salty, much "
            "larger, and connected to an ocean.",
            "湖是被陆地包围的水域，通常是淡水。海是咸水，面积大得多，而且与大洋相连。",
            "호수는 육지로 둘러싸인 물로, 대개 민물입니다. 바다는 짠물이고 훨씬 더 크며 대양과 이어져 있습니다.",
            "Un lago è una distesa d'acqua circondata dalla terra, di solito dolce. Un mare è salato, molto più grande "
            "e collegato a un oceano.",
            "Un lago es una masa de agua rodeada de tierra, normalmente dulce. Un mar es salado, mucho más grande y "
            "está conectado con un océano.")},
    {"x": L("a violin", "小提琴", "바이올린", "un violino", "un violín"),
     "y": L("a cello", "大提琴", "첼로", "un violoncello", "un violonchelo"),
     "r": L("Both are string instruments played with a bow. A violin is small, held under the chin and plays high "
            "notes, while a cello is much bigger, rests on the floor and plays lower notes.",
            "两者都是用弓演奏的弦乐器。小提琴体积小，夹在下巴下面演奏，音调高；大提琴大得多，立在地上演奏，音调低。",
            "둘 다 활로 연주하는 현악기입니다. 바이올린은 작아서 턱 밑에 끼고 높은 음을 내고, 첼로는 훨씬 커서 바닥에 "
            "세워 놓고 낮은 음을 냅니다.",
            "Sono entrambi strumenti ad arco. Il violino è piccolo, si tiene sotto il mento e suona note acute, mentre "
            "il violoncello è molto più grande, poggia a terra e suona note più gravi.",
            "Los dos son instrumentos de cuerda que se tocan con arco. El violín es pequeño, se apoya bajo la barbilla "
            "y da notas agudas, mientras que el violonchelo es mucho más grande, se apoya en el suelo y da notas más "
            "graves.")},
    {"x": L("baking", "烘烤", "굽기", "cuocere al forno", "hornear"), "y": L("frying", "油炸", "튀기기", "friggere", "freír"),
     "r": L("Baking cooks food with the dry heat of an oven. Frying cooks it in hot oil, which is faster and makes "
            "the outside crispy but adds more fat.",
            "烘烤是利用烤箱的干热把食物做熟。油炸则是在热油里烹制，速度更快，外皮酥脆，但会增加更多油脂。",
            "굽기는 오븐의 건조한 열로 음식을 익히는 방법입니다. 튀기기는 뜨거운 기름에 익히는 방법으로 더 빠르고 겉이 "
            "바삭해지지만 지방이 더 많아집니다.",
            "Cuocere al forno significa cucinare con il calore secco del forno. Friggere vuol dire cuocere nell'olio "
            "bollente: è più veloce e rende l'esterno croccante, ma aggiunge più grassi.",
            "Hornear es cocinar con el calor seco del horno. Freír es cocinar en aceite caliente, que es más rápido y "
            "deja el exterior crujiente, pero añade más grasa.")},
    {"x": L("a hill", "丘陵", "언덕", "una collina", "una colina"), "y": L("a mountain", "山", "산", "una montagna", "una montaña"),
     "r": L("A mountain is higher and steeper than a hill, usually rising more than about 600 metres, with a clear "
            "peak. A hill is lower, with gentler slopes and a rounder top.",
            "山比丘陵更高、更陡，通常海拔超过约600米，有明显的山峰。丘陵较低，坡度平缓，顶部也更圆润。",
            "산은 언덕보다 높고 가파르며 보통 600미터 정도를 넘고 뚜렷한 봉우리가 있습니다. 언덕은 더 낮고 경사가 "
            "완만하며 꼭대기가 둥근 편입니다.",
            "Una montagna è più alta e ripida di una collina: di solito supera i 600 metri circa e ha una cima ben "
            "visibile. Una collina è più bassa, con pendii dolci e una sommità arrotondata.",
            "Una montaña es más alta y empinada que una colina: suele superar los 600 metros aproximadamente y tiene "
            "una cima clara. Una colina es más baja, con laderas suaves y una cumbre redondeada.")},
    {"x": L("a frog", "青蛙", "개구리", "una rana", "una rana"), "y": L("a toad", "蟾蜍", "두꺼비", "un rospo", "un sapo"),
     "r": L("Frogs usually have smooth, wet skin and long legs for jumping, and they live near water. Toads have "
            "dry, bumpy skin and shorter legs, and they can live further from water.",
            "青蛙的皮肤通常光滑湿润，腿长，善于跳跃，多生活在水边。蟾蜍皮肤干燥、有疙瘩，腿比较短，可以生活在离水较远的地方。",
            "개구리는 대개 피부가 매끄럽고 촉촉하며 뒷다리가 길어 잘 뛰고, 물가에 삽니다. 두꺼비는 피부가 건조하고 "
            "울퉁불퉁하며 다리가 짧고, 물에서 좀 더 떨어진 곳에서도 살 수 있습니다.",
            "Le rane hanno di solito la pelle liscia e umida e zampe lunghe per saltare, e vivono vicino all'acqua. I "
            "rospi hanno la pelle secca e rugosa, zampe più corte e possono vivere più lontano dall'acqua.",
            "Las ranas suelen tener la piel lisa y húmeda y patas largas para saltar, y viven cerca del agua. Los "
            "sapos tienen la piel seca y rugosa, patas más cortas y pueden vivir más lejos del agua.")},
    {"x": L("a jacket", "夹克", "재킷", "una giacca", "una chaqueta"), "y": L("a coat", "大衣", "코트", "un cappotto", "un abrigo"),
     "r": L("A jacket is shorter and lighter, usually ending at the waist or hips. A coat is longer and warmer, and "
            "it is worn over other clothes in cold weather.",
            "夹克比较短、比较轻，一般长及腰部或臀部。大衣更长也更保暖，天冷时穿在其他衣服外面。",
            "재킷은 짧고 가벼워서 보통 허리나 엉덩이까지 옵니다. 코트는 더 길고 따뜻하며 추운 날 다른 옷 위에 입습니다.",
            "Una giacca è più corta e leggera e di solito arriva alla vita o ai fianchi. Un cappotto è più lungo e "
            "caldo e si indossa sopra gli altri vestiti quando fa freddo.",
            "Una chaqueta es más corta y ligera, y suele llegar a la cintura o a la cadera. Un abrigo es más largo y "
            "abriga más, y se lleva encima de la ropa cuando hace frío.")},
])

# --- what to bring ----------------------------------------------------------------------------------
template("bring", [
    L("What should I bring {e}?", "{e}应该带些什么？", "{e} 무엇을 챙겨 가야 하나요?", "Cosa dovrei portare {e}?",
      "¿Qué debería llevar {e}?"),
], ANSWER, [
    {"e": L("to a picnic", "去野餐", "소풍 갈 때", "a un picnic", "a un pícnic"),
     "r": L("Bring a blanket, sandwiches, fruit and plenty of water. Napkins, a bag for rubbish and some sun cream "
            "are useful too.",
            "带上野餐垫、三明治、水果和充足的饮用水。纸巾、装垃圾的袋子和防晒霜也很有用。",
            "돗자리와 샌드위치, 과일, 넉넉한 물을 챙기세요. 냅킨과 쓰레기를 담을 봉투, 선크림도 있으면 좋습니다.",
            "Porta una coperta, dei panini, della frutta e tanta acqua. Sono utili anche i tovaglioli, un sacchetto "
            "per i rifiuti e un po' di crema solare.",
            "Lleva una manta, bocadillos, fruta y mucha agua. También vienen bien unas servilletas, una bolsa para la "
            "basura y crema solar.")},
    {"e": L("to a job interview", "去面试", "면접 볼 때", "a un colloquio di lavoro", "a una entrevista de trabajo"),
     "r": L("Bring a few printed copies of your CV, a pen and a notebook, and a list of questions to ask. Also note "
            "the interviewer's name and the address, in case you get lost.",
            "带几份打印好的简历、一支笔和一个笔记本，再准备好几个想问的问题。也要记下面试官的名字和地址，以防迷路。",
            "출력한 이력서 몇 부와 펜, 수첩, 그리고 물어볼 질문 목록을 챙기세요. 길을 잃을 경우에 대비해 면접관의 이름과 "
            "주소도 적어 가세요.",
            "Porta qualche copia stampata del curriculum, una penna, un quaderno e un elenco di domande da fare. "
            "Annota anche il nome di chi ti farà il colloquio e l'indirizzo, nel caso ti perdessi.",
            "Lleva varias copias impresas de tu currículum, un bolígrafo, una libreta y una lista de preguntas. "
            "Apunta también el nombre de quien te entrevistará y la dirección, por si te pierdes.")},
    {"e": L("on a long flight", "坐长途飞机", "장거리 비행을 할 때", "per un volo lungo", "en un vuelo largo"),
     "r": L("Bring a neck pillow, headphones, a book or downloaded films, and an empty water bottle to fill after "
            "security. Warm socks help too, because planes are often cold.",
            "带一个颈枕、一副耳机、一本书或提前下载好的电影，再带个空水瓶，过了安检再装水。保暖的袜子也很有用，因为飞机上常常很冷。",
            "목베개와 이어폰, 책이나 미리 내려받은 영화, 그리고 보안 검색 후에 채울 빈 물병을 챙기세요. 기내가 추운 "
            "경우가 많으니 따뜻한 양말도 도움이 됩니다.",
            "Porta un cuscino da viaggio, le cuffie, un libro o dei film scaricati e una borraccia vuota da riempire "
            "dopo i controlli. Anche dei calzini caldi sono utili, perché in aereo fa spesso freddo.",
            "Lleva una almohada de viaje, auriculares, un libro o películas descargadas y una botella vacía para "
            "llenarla después del control. Unos calcetines gruesos también ayudan, porque en los aviones suele hacer "
            "frío.")},
    {"e": L("on my first day at the gym", "第一次去健身房", "처음 헬스장에 갈 때", "il primo giorno in palestra",
            "el primer día al gimnasio"),
     "r": L("Bring comfortable clothes, trainers, a water bottle and a small towel. A padlock for the locker and a "
            "change of clothes are also a good idea.",
            "带上舒适的运动服、运动鞋、水瓶和一条小毛巾。再带一把储物柜用的挂锁和一套换洗衣服也是个好主意。",
            "편한 운동복과 운동화, 물병, 작은 수건을 챙기세요. 사물함용 자물쇠와 갈아입을 옷도 가져가면 좋습니다.",
            "Porta abiti comodi, scarpe da ginnastica, una borraccia e un asciugamano piccolo. Sono una buona idea "
            "anche un lucchetto per l'armadietto e un cambio di vestiti.",
            "Lleva ropa cómoda, zapatillas de deporte, una botella de agua y una toalla pequeña. También es buena idea "
            "llevar un candado para la taquilla y ropa para cambiarte.")},
    {"e": L("to the beach", "去海边", "해변에 갈 때", "in spiaggia", "a la playa"),
     "r": L("Bring a towel, a swimsuit, sun cream, a hat and sunglasses. Pack plenty of water and a snack, and a "
            "plastic bag for wet clothes.",
            "带上毛巾、泳衣、防晒霜、帽子和太阳镜。多带些水和零食，再带一个装湿衣服的塑料袋。",
            "수건과 수영복, 선크림, 모자, 선글라스를 챙기세요. 물과 간식을 넉넉히 준비하고 젖은 옷을 넣을 비닐봉지도 "
            "가져가세요.",
            "Porta un asciugamano, il costume, la crema solare, un cappello e gli occhiali da sole. Prendi anche tanta "
            "acqua, uno spuntino e un sacchetto per i vestiti bagnati.",
            "Lleva una toalla, el bañador, crema solar, una gorra y gafas de sol. Mete también mucha agua, algo de "
            "comer y una bolsa para la ropa mojada.")},
])

# --- why? -----------------------------------------------------------------------------------------
template("why", [OWN], ANSWER, [
    {"i": L("Why do leaves change colour in autumn?", "为什么树叶到了秋天会变色？", "가을이 되면 왜 나뭇잎 색깔이 변하나요?",
            "Perché in autunno le foglie cambiano colore?", "¿Por qué las hojas cambian de color en otoño?"),
     "r": L("In autumn there is less sunlight, so trees stop making chlorophyll, the green pigment in their leaves. "
            "As the green fades, yellow and orange pigments that were there all along become visible.",
            "秋天日照变少，树木停止制造叶绿素，也就是让叶子呈绿色的色素。绿色褪去以后，原本就存在的黄色和橙色色素就显现出来了。",
            "가을에는 햇빛이 줄어들어 나무가 잎을 초록색으로 만드는 색소인 엽록소를 더 이상 만들지 않습니다. 초록색이 "
            "옅어지면 원래 잎 속에 있던 노란색과 주황색 색소가 드러나게 됩니다.",
            "In autunno c'è meno luce, quindi gli alberi smettono di produrre clorofilla, il pigmento verde delle "
            "foglie. Quando il verde svanisce, diventano visibili i pigmenti gialli e arancioni che c'erano già.",
            "En otoño hay menos luz, así que los árboles dejan de fabricar clorofila, el pigmento verde de las hojas. "
            "Cuando el verde desaparece, se ven los pigmentos amarillos y naranjas que ya estaban ahí.")},
    {"i": L("Why is the sea salty?", "海水为什么是咸的？", "바닷물은 왜 짠가요?", "Perché il mare è salato?",
            "¿Por qué el mar es salado?"),
     "r": L("Rain slowly dissolves tiny amounts of salt and minerals from rocks, and rivers carry them to the sea. "
            "When sea water evaporates, the salt stays behind, so over millions of years the sea has become salty.",
            "雨水会慢慢溶解岩石中的少量盐分和矿物质，河流再把它们带进大海。海水蒸发时盐分留了下来，经过数百万年，海水就变咸了。",
            "빗물이 바위 속의 소금과 광물을 조금씩 녹이고, 강물이 이를 바다로 실어 나릅니다. 바닷물이 증발할 때 소금은 "
            "그대로 남기 때문에 수백만 년에 걸쳐 바다가 짜게 되었습니다.",
            "La pioggia scioglie lentamente piccole quantità di sale e minerali dalle rocce e i fiumi li portano al "
            "mare. Quando l'acqua del mare evapora, il sale resta, così in milioni di anni il mare è diventato salato.",
            "La lluvia disuelve poco a poco pequeñas cantidades de sal y minerales de las rocas, y los ríos los llevan "
            "al mar. Cuando el agua del mar se evapora, la sal se queda, y así, a lo largo de millones de años, el mar "
            "se ha vuelto salado.")},
    {"i": L("Why do we yawn?", "人为什么会打哈欠？", "사람은 왜 하품을 하나요?", "Perché sbadigliamo?", "¿Por qué bostezamos?"),
     "r": L("Scientists are not completely sure. One popular idea is that yawning helps cool the brain, and it often "
            "happens when we are tired or bored. Yawning is also contagious: seeing someone yawn can make you yawn "
            "too.",
            "科学家们目前还不能完全确定。一种流行的说法是，打哈欠有助于给大脑降温，它常常在我们疲倦或无聊时出现。打哈欠还会传染：看到别人打哈欠，你也可能跟着打。",
            "과학자들도 아직 확실히 알지는 못합니다. 널리 알려진 가설 중 하나는 하품이 뇌를 식혀 준다는 것으로, "
            "피곤하거나 지루할 때 자주 나옵니다. 하품은 전염되기도 해서 다른 사람이 하품하는 것을 보면 따라 하게 됩니다.",
            "Gli scienziati non ne sono del tutto sicuri. Un'ipotesi diffusa è che lo sbadiglio aiuti a raffreddare il "
            "cervello, e capita spesso quando siamo stanchi o annoiati. Inoltre è contagioso: vedere qualcuno "
            "sbadigliare può farti sbadigliare.",
            "Los científicos no lo saben del todo. Una idea muy extendida es que bostezar ayuda a enfriar el cerebro, "
            "y suele pasar cuando estamos cansados o aburridos. Además, es contagioso: ver bostezar a alguien puede "
            "hacer que bosteces tú también.")},
    {"i": L("Why does bread go stale?", "面包为什么会变硬？", "빵은 왜 딱딱해지나요?", "Perché il pane diventa raffermo?",
            "¿Por qué se pone duro el pan?"),
     "r": L("As bread cools and sits, the starch inside it slowly crystallises and loses water, which makes the "
            "crumb hard and dry. Keeping bread in a bread box or freezing it slows this down.",
            "面包放凉并存放一段时间后，里面的淀粉会慢慢结晶并失去水分，使面包芯变得又干又硬。把面包放在面包盒里或者冷冻起来，可以减缓这个过程。",
            "빵이 식고 시간이 지나면 속의 전분이 서서히 결정으로 변하면서 수분을 잃어 속살이 딱딱하고 건조해집니다. 빵을 "
            "빵 보관함에 넣거나 냉동하면 이 과정이 느려집니다.",
            "Quando il pane si raffredda e passa il tempo, l'amido al suo interno si cristallizza lentamente e perde "
            "acqua, e la mollica diventa dura e secca. Tenerlo in un portapane o congelarlo rallenta questo processo.",
            "Cuando el pan se enfría y pasa el tiempo, el almidón de su interior se cristaliza poco a poco y pierde "
            "agua, y la miga se vuelve dura y seca. Guardarlo en una panera o congelarlo hace que esto ocurra más "
            "despacio.")},
    {"i": L("Why do cats purr?", "猫为什么会发出呼噜声？", "고양이는 왜 가르랑거리나요?", "Perché i gatti fanno le fusa?",
            "¿Por qué ronronean los gatos?"),
     "r": L("Cats often purr when they are relaxed and content, for example while being stroked. But they also purr "
            "when they are stressed or hurt, so purring may help them calm down and even heal.",
            "猫在放松和满足的时候常常会打呼噜，比如被人抚摸的时候。不过它们在紧张或受伤时也会打呼噜，所以呼噜声可能有助于它们平静下来，甚至帮助身体恢复。",
            "고양이는 쓰다듬어 줄 때처럼 편안하고 만족스러울 때 자주 가르랑거립니다. 하지만 스트레스를 받거나 다쳤을 "
            "때도 가르랑거리기 때문에, 이 소리가 스스로를 진정시키고 회복을 돕는 것일 수도 있습니다.",
            "I gatti fanno spesso le fusa quando sono rilassati e contenti, per esempio mentre li accarezzi. Ma le "
            "fanno anche quando sono stressati o feriti, quindi le fusa potrebbero aiutarli a calmarsi e persino a "
            "guarire.",
            "Los gatos suelen ronronear cuando están relajados y a gusto, por ejemplo mientras los acarician. Pero "
            "también ronronean cuando están estresados o heridos, así que el ronroneo podría ayudarles a calmarse e "
            "incluso a curarse.")},
])

# --- two-sentence stories -------------------------------------------------------------------------
template("story", [
    L("Write a two-sentence story about {x}.", "写一个关于{x}的两句话小故事。", "{x}에 관한 두 문장짜리 이야기를 써 주세요.",
      "Scrivi una storia di due frasi su {x}.", "Escribe una historia de dos frases sobre {x}."),
], ANSWER, [
    {"x": L("a lost umbrella", "一把丢失的雨伞", "잃어버린 우산", "un ombrello perduto", "un paraguas perdido"),
     "r": L("Every rainy morning, the red umbrella waited by the station door for the woman who had forgotten it. "
            "On the first sunny day of spring, a little girl picked it up, opened it and danced home beneath it.",
            "每个下雨的早晨，那把红伞都在车站门口等着把它忘在那里的女人。春天第一个晴天，一个小女孩捡起了它，撑开伞，一路跳着舞回了家。",
            "비가 오는 아침마다 빨간 우산은 자신을 두고 간 여자를 기다리며 역 문 옆에 서 있었습니다. 봄의 첫 맑은 날, "
            "한 어린 소녀가 우산을 주워 펼쳐 들고 춤을 추며 집으로 돌아갔습니다.",
            "Ogni mattina di pioggia, l'ombrello rosso aspettava accanto alla porta della stazione la donna che "
            "l'aveva dimenticato. Nel primo giorno di sole della primavera, una bambina lo raccolse, lo aprì e tornò a "
            "casa ballando sotto di lui.",
            "Cada mañana de lluvia, el paraguas rojo esperaba junto a la puerta de la estación a la mujer que lo había "
            "olvidado. El primer día soleado de la primavera, una niña lo recogió, lo abrió y volvió a casa bailando "
            "debajo de él.")},
    {"x": L("a robot learning to cook", "一个学做饭的机器人", "요리를 배우는 로봇", "un robot che impara a cucinare",
            "un robot que aprende a cocinar"),
     "r": L("The robot followed the recipe perfectly, yet the soup tasted of nothing at all. Then the old cook "
            "laughed, threw in a handful of herbs without measuring, and the robot wrote down its first rule: taste "
            "as you go.",
            "机器人一丝不差地照着菜谱做，可汤却一点味道都没有。老厨师笑了笑，随手抓了一把香草扔进锅里，机器人便记下了它的第一条规则：边做边尝。",
            "로봇은 요리법을 완벽하게 따랐지만 수프에서는 아무 맛도 나지 않았습니다. 그러자 늙은 요리사가 웃으며 허브 한 "
            "줌을 재지도 않고 넣었고, 로봇은 첫 번째 규칙을 적었습니다. 만들면서 맛을 볼 것.",
            "Il robot seguì la ricetta alla perfezione, eppure la zuppa non sapeva di niente. Allora il vecchio cuoco "
            "rise, ci buttò una manciata di erbe senza pesarle, e il robot scrisse la sua prima regola: assaggia "
            "mentre cucini.",
            "El robot siguió la receta a la perfección, pero la sopa no sabía a nada. Entonces el viejo cocinero se "
            "rió, echó un puñado de hierbas sin medirlas y el robot apuntó su primera regla: prueba mientras "
            "cocinas.")},
    {"x": L("a cat who wanted to fly", "一只想飞的猫", "날고 싶었던 고양이", "una gatta che voleva volare",
            "una gata que quería volar"),
     "r": L("All summer the cat watched the swallows from the roof, dreaming of the sky. In the end she never flew, "
            "but she discovered that the warm roof tiles were the best place in the world for a nap.",
            "整个夏天，那只猫都趴在屋顶上看燕子飞，梦想着飞上天空。最后她还是没能飞起来，却发现晒得暖暖的屋瓦是世界上最适合睡午觉的地方。",
            "여름 내내 고양이는 지붕 위에서 제비들을 바라보며 하늘을 나는 꿈을 꾸었습니다. 결국 하늘을 날지는 못했지만, "
            "햇볕에 데워진 기와가 세상에서 낮잠 자기 가장 좋은 곳이라는 걸 알게 되었습니다.",
            "Per tutta l'estate la gatta guardò le rondini dal tetto, sognando il cielo. Alla fine non volò mai, ma "
            "scoprì che le tegole calde erano il posto migliore del mondo per un pisolino.",
            "Durante todo el verano, la gata miró a las golondrinas desde el tejado, soñando con el cielo. Al final "
            "nunca voló, pero descubrió que las tejas calientes eran el mejor lugar del mundo para echarse una "
            "siesta.")},
    {"x": L("an old lighthouse", "一座古老的灯塔", "오래된 등대", "un vecchio faro", "un viejo faro"),
     "r": L("For a hundred years the old lighthouse had guided ships home, and now its lamp was finally switched "
            "off. On the first stormy night, the fishermen's children climbed the stairs with torches and made it "
            "shine once more.",
            "一百年来，这座古老的灯塔一直为船只指引归途，如今它的灯终于熄灭了。第一个暴风雨之夜，渔民的孩子们打着手电筒爬上楼梯，让它再一次亮了起来。",
            "백 년 동안 배들을 집으로 이끌던 오래된 등대의 불빛이 마침내 꺼졌습니다. 첫 폭풍우가 치던 밤, 어부의 "
            "아이들이 손전등을 들고 계단을 올라가 등대를 다시 한번 밝혔습니다.",
            "Per cento anni il vecchio faro aveva guidato le navi verso casa, e ora la sua lampada era stata spenta per "
            "sempre. Nella prima notte di tempesta, i figli dei pescatori salirono le scale con le torce e lo fecero "
            "brillare ancora una volta.",
            "Durante cien años, el viejo faro había guiado a los barcos de vuelta a casa, y ahora por fin habían "
            "apagado su luz. La primera noche de tormenta, los hijos de los pescadores subieron las escaleras con "
            "linternas y lo hicieron brillar una vez más.")},
    {"x": L("a boy and his kite", "一个男孩和他的风筝", "한 소년과 그의 연", "un bambino e il suo aquilone",
            "un niño y su cometa"),
     "r": L("The boy ran across the field until the kite finally caught the wind and climbed higher than the trees. "
            "When the string slipped from his hand, he did not cry; he waved as it sailed away towards the sea.",
            "男孩在田野里一路奔跑，风筝终于乘着风飞得比树还高。线从他手里滑走的时候，他没有哭，而是朝着飘向大海的风筝挥了挥手。",
            "소년이 들판을 가로질러 달리자 마침내 연이 바람을 타고 나무보다 높이 올라갔습니다. 연줄이 손에서 "
            "빠져나갔을 때 소년은 울지 않고, 바다 쪽으로 날아가는 연을 향해 손을 흔들었습니다.",
            "Il bambino corse per il prato finché l'aquilone non prese il vento e salì più in alto degli alberi. "
            "Quando il filo gli scivolò di mano, non pianse: lo salutò mentre volava via verso il mare.",
            "El niño corrió por el prado hasta que la cometa por fin atrapó el viento y subió más alta que los "
            "árboles. Cuando el hilo se le escapó de la mano, no lloró: la despidió con la mano mientras se alejaba "
            "hacia el mar.")},
])
