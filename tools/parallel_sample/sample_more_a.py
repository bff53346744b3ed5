"""More hand-written open-ended rows for the parallel sample (set a): new instruction shapes and topics.

Same structure as sample_texts: each entity carries its own answer in five languages (en, zh, ko,
it, es).  None of the instructions or topics is taken from the X-AlpacaEval sample.
"""

from __future__ import annotations

from make_parallel_sample import ANSWER, L, collector, same

TEMPLATES, template = collector()
OWN = same("{q}")


# --- advise: a situation first, then a request for advice -----------------------------------------
template("advise", [OWN], ANSWER, [
    {"q": L("I get nervous before phone calls with people I don't know. How can I feel calmer?",
            "我和不认识的人打电话前总会紧张。怎样才能更平静一些？",
            "모르는 사람과 통화하기 전에는 늘 긴장돼요. 어떻게 하면 좀 더 차분해질 수 있을까요?",
            "Prima delle telefonate con persone che non conosco divento nervoso. Come posso sentirmi più calmo?",
            "Me pongo nervioso antes de llamar a gente que no conozco. ¿Cómo puedo estar más tranquilo?"),
     "r": L("Before you dial, write down the two or three points you want to make and keep the note in front of you. "
            "Remember that the other person is usually busy and will not mind a short pause.",
            "拨号之前，先把你想说的两三个要点写下来，放在面前。记住对方通常也很忙，不会在意你说话时的短暂停顿。",
            "전화를 걸기 전에 하고 싶은 말 두세 가지를 적어 눈앞에 두세요. 상대방도 보통 바쁘기 때문에 잠깐 말이 "
            "끊기는 것쯤은 신경 쓰지 않는다는 점을 기억하세요.",
            "Prima di chiamare, scrivi i due o tre punti che vuoi dire e tieni il foglio davanti a te. Ricorda che di "
            "solito l'altra persona è impegnata e non farà caso a una breve pausa.",
            "Antes de marcar, apunta los dos o tres puntos que quieres decir y ten la nota delante. Recuerda que la "
            "otra persona suele estar ocupada y no le importará una pausa breve.")},
    {"q": L("My neighbours' dog barks all day while they are at work. How should I bring it up with them?",
            "邻居上班的时候，他们家的狗整天叫个不停。我该怎么跟他们提这件事？",
            "이웃이 출근한 동안 그 집 개가 하루 종일 짖어요. 이 문제를 어떻게 꺼내면 좋을까요?",
            "Il cane dei miei vicini abbaia tutto il giorno mentre loro sono al lavoro. Come dovrei parlargliene?",
            "El perro de mis vecinos ladra todo el día mientras ellos están en el trabajo. ¿Cómo debería decírselo?"),
     "r": L("Talk to them in person at a calm moment and describe the problem without blaming them, because they may "
            "not know it happens. You could suggest a dog walker or leaving toys to keep the dog busy.",
            "找个平静的时候当面和他们谈，只描述问题，不要指责，因为他们可能根本不知道。你可以建议他们请人遛狗，或者留些玩具让狗有事可做。",
            "차분한 때에 직접 찾아가서 탓하지 말고 상황만 설명해 보세요. 이웃은 그런 일이 있는지 모를 수도 있으니까요. "
            "산책 도우미를 부르거나 개가 가지고 놀 장난감을 두고 가 보라고 제안해도 좋습니다.",
            "Parlagli di persona in un momento tranquillo e descrivi il problema senza dare colpe, perché forse non sanno "
            "che succede. Puoi suggerire un dog sitter o di lasciare dei giochi per tenere occupato il cane.",
            "Habla con ellos en persona en un momento tranquilo y describe el problema sin culparlos, porque quizá no "
            "sepan que ocurre. Puedes sugerirles un paseador de perros o dejarle juguetes para que esté entretenido.")},
    {"q": L("What should I do if I lock myself out of my flat?", "如果我把自己锁在公寓门外了，该怎么办？",
            "열쇠 없이 문이 잠겨서 집에 못 들어가게 되면 어떻게 해야 하나요?",
            "Cosa devo fare se resto chiuso fuori dal mio appartamento?", "¿Qué hago si me quedo fuera de mi piso sin llaves?"),
     "r": L("First check whether a flatmate, neighbour or relative has a spare key. If nobody does, call a licensed "
            "locksmith rather than forcing the door or a window, which usually costs more to repair.",
            "先看看室友、邻居或亲戚有没有备用钥匙。如果都没有，就请正规的开锁师傅，不要硬撬门窗，那样修起来通常更贵。",
            "먼저 룸메이트나 이웃, 친척에게 여분의 열쇠가 있는지 확인해 보세요. 아무도 없다면 문이나 창문을 억지로 "
            "열지 말고 믿을 만한 열쇠 기사를 부르세요. 억지로 열면 보통 수리비가 더 많이 듭니다.",
            "Per prima cosa controlla se un coinquilino, un vicino o un parente ha una chiave di riserva. Se nessuno ce "
            "l'ha, chiama un fabbro invece di forzare la porta o una finestra, perché di solito ripararle costa di più.",
            "Primero comprueba si algún compañero de piso, vecino o familiar tiene una llave de repuesto. Si nadie la "
            "tiene, llama a un cerrajero en lugar de forzar la puerta o una ventana, porque repararlas suele salir más caro.")},
    {"q": L("I've been offered two jobs: one pays more, the other is much closer to home. How should I decide?",
            "我收到了两份工作邀请：一份工资更高，另一份离家近得多。我该怎么选？",
            "두 군데에서 일자리 제안을 받았어요. 한 곳은 월급이 더 많고, 다른 곳은 집에서 훨씬 가까워요. 어떻게 결정해야 할까요?",
            "Mi hanno offerto due lavori: uno paga di più, l'altro è molto più vicino a casa. Come dovrei scegliere?",
            "Me han ofrecido dos trabajos: uno paga más y el otro está mucho más cerca de casa. ¿Cómo decido?"),
     "r": L("Work out what the longer commute would really cost you each week in time, money and energy. Then ask "
            "yourself which job would teach you more and which team you liked better, because those matter for years.",
            "先算一算更长的通勤每周实际要花掉你多少时间、金钱和精力。然后想想哪份工作能让你学到更多、你更喜欢哪个团队，因为这些会影响你很多年。",
            "먼저 긴 출퇴근이 매주 시간과 돈, 체력을 실제로 얼마나 잡아먹는지 따져 보세요. 그다음 어느 일에서 더 많이 "
            "배울 수 있는지, 어느 팀이 더 마음에 들었는지 생각해 보세요. 이런 점은 몇 년 동안 영향을 줍니다.",
            "Calcola quanto ti costerebbe davvero ogni settimana il tragitto più lungo in tempo, denaro ed energia. Poi "
            "chiediti quale lavoro ti insegnerebbe di più e quale squadra ti è piaciuta di più, perché contano per anni.",
            "Calcula cuánto te costaría de verdad cada semana el trayecto más largo en tiempo, dinero y energía. Después "
            "pregúntate qué trabajo te enseñaría más y qué equipo te gustó más, porque eso importa durante años.")},
    {"q": L("My teenage son spends hours playing video games. Should I be worried?",
            "我十几岁的儿子每天要花好几个小时打电子游戏。我应该担心吗？",
            "십 대 아들이 몇 시간씩 비디오 게임을 해요. 걱정해야 할까요?",
            "Mio figlio adolescente passa ore a giocare ai videogiochi. Dovrei preoccuparmi?",
            "Mi hijo adolescente pasa horas jugando a videojuegos. ¿Debería preocuparme?"),
     "r": L("Not necessarily, as long as he sleeps enough, keeps up with school and still sees his friends. Agree on a "
            "few simple limits together, and show some interest in his games instead of only criticising them.",
            "不一定。只要他睡眠充足、跟得上学业、还和朋友来往，就不必太担心。可以和他一起定几条简单的规矩，也对他玩的游戏表现出一些兴趣，而不是一味批评。",
            "꼭 그렇지는 않습니다. 잠을 충분히 자고 학교 공부를 따라가며 친구들도 계속 만난다면 괜찮습니다. 간단한 규칙 "
            "몇 가지를 함께 정하고, 비판만 하기보다는 아들이 하는 게임에 관심을 보여 주세요.",
            "Non per forza, purché dorma abbastanza, vada bene a scuola e continui a vedere gli amici. Stabilite insieme "
            "qualche regola semplice e mostra interesse per i suoi giochi invece di limitarti a criticarli.",
            "No necesariamente, siempre que duerma lo suficiente, lleve bien los estudios y siga viendo a sus amigos. "
            "Acuerda con él unos límites sencillos y muestra interés por sus juegos en lugar de limitarte a criticarlos.")},
    {"q": L("I always forget people's names right after I meet them. Any advice?",
            "我总是刚认识别人就忘了他们的名字。有什么建议吗？",
            "저는 사람을 만나자마자 이름을 잊어버려요. 좋은 방법이 있을까요?",
            "Dimentico sempre i nomi delle persone subito dopo averle conosciute. Qualche consiglio?",
            "Siempre olvido el nombre de la gente justo después de conocerla. ¿Algún consejo?"),
     "r": L("Say the name aloud when you are introduced, for example \"Nice to meet you, Anna\". Then link it in your "
            "mind to something about the person, and use the name once more before you say goodbye.",
            "别人介绍时把名字说出声来，比如“安娜，很高兴认识你”。然后在心里把名字和这个人的某个特点联系起来，告别前再叫一次对方的名字。",
            "소개를 받을 때 \"안나 씨, 만나서 반가워요\"처럼 이름을 소리 내어 말해 보세요. 그다음 그 이름을 그 사람의 "
            "특징과 머릿속으로 연결하고, 헤어지기 전에 한 번 더 이름을 불러 보세요.",
            "Ripeti il nome ad alta voce quando ti presentano qualcuno, per esempio \"Piacere, Anna\". Poi collegalo "
            "mentalmente a qualcosa di quella persona e usa il nome ancora una volta prima di salutarla.",
            "Repite el nombre en voz alta cuando te presenten a alguien, por ejemplo \"Encantado, Anna\". Luego "
            "relaciónalo mentalmente con algo de esa persona y vuelve a usar su nombre antes de despedirte.")},
    {"q": L("A close friend asked to borrow a large sum of money. Should I lend it?",
            "一位好朋友想向我借一大笔钱。我应该借吗？",
            "친한 친구가 큰돈을 빌려 달라고 해요. 빌려줘야 할까요?",
            "Un caro amico mi ha chiesto in prestito una grossa somma. Dovrei prestargliela?",
            "Un buen amigo me ha pedido prestada una gran cantidad de dinero. ¿Debería prestársela?"),
     "r": L("Only lend an amount you could afford to lose, because unpaid loans often damage friendships. Agree clearly "
            "on when it will be paid back, and if you feel unsure, consider giving a smaller sum as a gift instead.",
            "只借你即使拿不回来也承受得起的数目，因为借钱不还常常会伤害友谊。要说清楚什么时候还钱；如果你心里没底，不妨送他一笔小一些的钱。",
            "돌려받지 못해도 감당할 수 있는 금액만 빌려주세요. 갚지 않은 돈 때문에 우정이 깨지는 경우가 많거든요. 언제 "
            "갚을지 분명히 정해 두고, 확신이 서지 않는다면 차라리 더 적은 금액을 그냥 주는 것도 생각해 보세요.",
            "Presta solo una cifra che potresti permetterti di perdere, perché i prestiti non restituiti rovinano spesso "
            "le amicizie. Chiarite bene quando ti verrà restituita e, se hai dubbi, valuta di regalargli una somma più piccola.",
            "Presta solo una cantidad que puedas permitirte perder, porque las deudas sin pagar suelen dañar las "
            "amistades. Deja claro cuándo te la devolverá y, si tienes dudas, plantéate regalarle una suma más pequeña.")},
    {"q": L("My flatmate never washes the dishes. How can I fix this without starting a fight?",
            "我的室友从来不洗碗。怎样才能解决这个问题又不吵架？",
            "룸메이트가 설거지를 전혀 안 해요. 싸우지 않고 해결하려면 어떻게 해야 할까요?",
            "Il mio coinquilino non lava mai i piatti. Come posso risolvere la cosa senza litigare?",
            "Mi compañero de piso nunca friega los platos. ¿Cómo puedo arreglarlo sin discutir?"),
     "r": L("Pick a calm moment and explain how it affects you, instead of listing everything they do wrong. Then "
            "suggest making a simple cleaning rota together, so the rule feels fair to both of you.",
            "挑一个大家都心平气和的时候，说说这件事对你有什么影响，而不是数落对方所有的不是。然后提议一起排一张简单的值日表，让规则对你们俩都公平。",
            "차분한 때를 골라 상대의 잘못을 늘어놓기보다 그 일이 나에게 어떤 영향을 주는지 이야기하세요. 그런 다음 "
            "간단한 청소 당번표를 함께 만들자고 제안하면 두 사람 모두 공평하다고 느낄 수 있습니다.",
            "Scegli un momento tranquillo e spiega come la cosa ti pesa, invece di elencare tutto quello che fa di "
            "sbagliato. Poi proponi di fare insieme dei turni per le pulizie, così la regola sembrerà giusta a entrambi.",
            "Elige un momento tranquilo y explica cómo te afecta, en lugar de enumerar todo lo que hace mal. Después "
            "propón hacer juntos un turno de limpieza sencillo, para que la norma sea justa para ambos.")},
])


# --- gift_idea: who the present is for, then a suggestion ------------------------------------------
template("gift_idea", [OWN], ANSWER, [
    {"q": L("My sister is turning ten next week. What could I give her?",
            "我妹妹下周就满十岁了。我可以送她什么礼物？",
            "여동생이 다음 주에 열 살이 돼요. 어떤 선물을 주면 좋을까요?",
            "Mia sorella compie dieci anni la settimana prossima. Cosa potrei regalarle?",
            "Mi hermana cumple diez años la semana que viene. ¿Qué le podría regalar?"),
     "r": L("A craft kit, for example one for making bracelets or painting stones, is a great choice at that age. You "
            "could also give her the first book of a popular series and offer to read it together.",
            "手工套装很适合这个年龄，比如编手链或画石头的套装。你也可以送她一套热门系列书的第一本，并提议和她一起读。",
            "팔찌 만들기나 돌멩이 그림 그리기 같은 만들기 세트는 그 나이에 아주 좋은 선물입니다. 인기 있는 시리즈 책의 "
            "첫 권을 주고 함께 읽자고 해 보는 것도 좋습니다.",
            "Un kit creativo, per esempio per fare braccialetti o dipingere sassi, è un'ottima scelta a quell'età. Potresti "
            "anche regalarle il primo libro di una serie famosa e proporle di leggerlo insieme.",
            "Un kit de manualidades, por ejemplo para hacer pulseras o pintar piedras, es una gran opción a esa edad. "
            "También podrías regalarle el primer libro de una serie popular y proponerle leerlo juntos.")},
    {"q": L("What is a good present for a colleague who is retiring?", "同事要退休了，送什么礼物比较好？",
            "은퇴하는 동료에게 어떤 선물이 좋을까요?", "Che regalo posso fare a un collega che va in pensione?",
            "¿Qué es un buen regalo para un compañero de trabajo que se jubila?"),
     "r": L("A voucher for a cooking or painting class is a nice way to celebrate all the free time ahead. Add a card "
            "signed by the whole team with a few favourite memories.",
            "送一张烹饪课或绘画课的礼券很不错，正好庆祝他接下来有大把空闲时间。再附上一张全组同事签名的卡片，写上几段美好的回忆。",
            "요리나 그림 수업 상품권은 앞으로 생길 여유 시간을 축하하기에 좋은 선물입니다. 팀원 모두가 서명하고 좋은 "
            "추억 몇 가지를 적은 카드도 함께 드리세요.",
            "Un buono per un corso di cucina o di pittura è un bel modo per festeggiare tutto il tempo libero che lo "
            "aspetta. Aggiungi un biglietto firmato da tutta la squadra con qualche bel ricordo.",
            "Un vale para un curso de cocina o de pintura es una bonita forma de celebrar todo el tiempo libre que le "
            "espera. Añade una tarjeta firmada por todo el equipo con algunos buenos recuerdos.")},
    {"q": L("My dad loves gardening. Suggest a birthday present for him.", "我爸爸很喜欢园艺。给他推荐一个生日礼物吧。",
            "아버지가 정원 가꾸기를 정말 좋아하세요. 생신 선물을 추천해 주세요.",
            "Mio padre adora il giardinaggio. Suggeriscimi un regalo di compleanno per lui.",
            "A mi padre le encanta la jardinería. Sugiéreme un regalo de cumpleaños para él."),
     "r": L("A pair of good gardening gloves and sturdy hand tools are always useful. If he already has those, seeds "
            "of an unusual vegetable or a small bird feeder can be a fun surprise.",
            "一副好的园艺手套和一套结实的手工具总是用得上。如果他已经有了，可以送一些少见蔬菜的种子或一个小小的喂鸟器，会是个有趣的惊喜。",
            "좋은 원예 장갑과 튼튼한 모종삽 같은 손 도구는 언제나 쓸모가 있습니다. 이미 가지고 계시다면 흔하지 않은 "
            "채소 씨앗이나 작은 새 모이통도 재미있는 깜짝 선물이 될 수 있어요.",
            "Un paio di buoni guanti da giardinaggio e degli attrezzi robusti sono sempre utili. Se li ha già, i semi di "
            "un ortaggio insolito o una piccola mangiatoia per uccelli possono essere una bella sorpresa.",
            "Unos buenos guantes de jardinería y unas herramientas resistentes siempre son útiles. Si ya los tiene, "
            "semillas de una verdura poco común o un pequeño comedero para pájaros pueden ser una sorpresa divertida.")},
    {"q": L("I'd like a small thank-you gift for my child's teacher at the end of the school year. Any ideas?",
            "学年结束时，我想给孩子的老师送一份小小的谢礼。有什么主意吗？",
            "학년이 끝날 때 아이 선생님께 작은 감사 선물을 드리고 싶어요. 좋은 생각이 있을까요?",
            "Vorrei fare un piccolo regalo di ringraziamento all'insegnante di mio figlio a fine anno. Qualche idea?",
            "Quiero hacerle un pequeño regalo de agradecimiento a la maestra de mi hijo a final de curso. ¿Alguna idea?"),
     "r": L("A handwritten card from your child is what most teachers value most. Pair it with something small, such "
            "as a potted plant, a box of good tea or a nice pen.",
            "孩子亲手写的卡片往往是老师最珍惜的。再配上一件小东西，比如一盆绿植、一盒好茶或一支好看的笔。",
            "대부분의 선생님은 아이가 직접 쓴 카드를 가장 소중하게 여깁니다. 작은 화분이나 좋은 차 한 상자, 예쁜 펜 "
            "같은 작은 선물을 곁들여 보세요.",
            "Un biglietto scritto a mano da tuo figlio è ciò che la maggior parte degli insegnanti apprezza di più. "
            "Accompagnalo con qualcosa di piccolo, come una piantina, una scatola di buon tè o una bella penna.",
            "Una tarjeta escrita a mano por tu hijo es lo que más valoran casi todos los maestros. Acompáñala con algo "
            "pequeño, como una planta, una caja de buen té o un bolígrafo bonito.")},
    {"q": L("Some friends of mine just had a baby. What can I bring when I visit them?",
            "我的朋友刚生了宝宝。去看他们时我可以带些什么？",
            "친구 부부가 얼마 전에 아기를 낳았어요. 보러 갈 때 무엇을 가져가면 좋을까요?",
            "Degli amici hanno appena avuto un bambino. Cosa posso portare quando vado a trovarli?",
            "Unos amigos acaban de tener un bebé. ¿Qué puedo llevarles cuando vaya a visitarlos?"),
     "r": L("Home-cooked meals they can keep in the freezer are very welcome in the first tiring weeks. Baby clothes "
            "in a bigger size are also useful, because babies grow out of the smallest ones very quickly.",
            "他们可以放进冰箱冷冻的家常饭菜，在最初那几周辛苦的日子里特别受欢迎。大一号的婴儿衣服也很实用，因为宝宝很快就穿不下最小号的了。",
            "냉동실에 넣어 둘 수 있는 집밥은 힘든 처음 몇 주 동안 정말 반가운 선물입니다. 아기들은 가장 작은 옷을 금방 "
            "못 입게 되니 한 치수 큰 아기 옷도 유용합니다.",
            "Dei piatti fatti in casa da tenere in freezer sono molto graditi nelle prime settimane, che sono faticose. "
            "Anche dei vestitini di una taglia più grande sono utili, perché i neonati crescono in fretta.",
            "Comida casera que puedan guardar en el congelador es muy bienvenida en las primeras semanas, que son "
            "agotadoras. La ropa de bebé de una talla más grande también es útil, porque los bebés crecen muy rápido.")},
    {"q": L("Give me a gift idea for a friend who has just moved into her first flat.",
            "我的朋友刚搬进她人生中第一套公寓。给我一个送礼的点子吧。",
            "처음으로 자기 집에 이사한 친구에게 줄 선물 아이디어를 알려 주세요.",
            "Dammi un'idea regalo per un'amica che si è appena trasferita nel suo primo appartamento.",
            "Dame una idea de regalo para una amiga que acaba de mudarse a su primer piso."),
     "r": L("Something practical such as a good kitchen knife, a small toolbox or a set of soft towels is always "
            "useful in a new home. Add a green plant to make the place feel lived in.",
            "实用的东西在新家里总能派上用场，比如一把好菜刀、一个小工具箱或一套柔软的毛巾。再送一盆绿植，让新家更有生活气息。",
            "좋은 부엌칼이나 작은 공구 상자, 부드러운 수건 세트처럼 실용적인 물건은 새집에서 언제나 쓸모가 있습니다. "
            "초록 식물 하나를 더하면 집이 한결 사람 사는 곳처럼 느껴집니다.",
            "Qualcosa di pratico, come un buon coltello da cucina, una piccola cassetta degli attrezzi o degli asciugamani "
            "morbidi, è sempre utile in una casa nuova. Aggiungi una pianta per rendere l'ambiente più accogliente.",
            "Algo práctico, como un buen cuchillo de cocina, una pequeña caja de herramientas o unas toallas suaves, "
            "siempre es útil en una casa nueva. Añade una planta para que el piso parezca más acogedor.")},
    {"q": L("My partner and I are celebrating our first anniversary. What is a thoughtful gift that isn't too expensive?",
            "我和伴侣要庆祝在一起一周年了。有什么用心又不太贵的礼物吗？",
            "연인과 함께한 지 일 년이 되는 기념일이에요. 너무 비싸지 않으면서 마음이 담긴 선물이 있을까요?",
            "Io e il mio partner festeggiamo il primo anniversario. Qual è un regalo pensato ma non troppo costoso?",
            "Mi pareja y yo celebramos nuestro primer aniversario. ¿Qué regalo detallista y no muy caro me recomiendas?"),
     "r": L("Make a small photo album of your favourite moments from the year, with a short note under each picture. "
            "You could also plan a day that recreates your first date.",
            "做一本小相册，收录这一年里你们最喜欢的时刻，每张照片下面写一句短短的话。你也可以安排一天，重温你们的第一次约会。",
            "한 해 동안 가장 좋았던 순간들로 작은 사진첩을 만들고 사진마다 짧은 메모를 적어 보세요. 첫 데이트를 그대로 "
            "다시 해 보는 하루를 계획하는 것도 좋습니다.",
            "Prepara un piccolo album con i vostri momenti preferiti dell'anno, con una breve frase sotto ogni foto. "
            "Potresti anche organizzare una giornata che ripercorra il vostro primo appuntamento.",
            "Haz un pequeño álbum con vuestros momentos favoritos del año, con una nota breve debajo de cada foto. "
            "También podrías organizar un día que repita vuestra primera cita.")},
    {"q": L("Suggest a present for a twelve-year-old who loves science.", "给一个喜欢科学的十二岁孩子推荐一份礼物。",
            "과학을 좋아하는 열두 살 아이에게 줄 선물을 추천해 주세요.",
            "Suggerisci un regalo per un ragazzo di dodici anni appassionato di scienze.",
            "Sugiere un regalo para un niño de doce años al que le encanta la ciencia."),
     "r": L("A kit for growing crystals or building a simple robot is both fun and educational. A beginner's "
            "microscope is another great choice that will keep them curious for years.",
            "培养晶体或组装简单机器人的套装既好玩又能学到知识。一台入门级显微镜也是很好的选择，能让孩子好奇心持续好几年。",
            "결정 키우기 세트나 간단한 로봇 만들기 세트는 재미있으면서도 배울 것이 많습니다. 초보자용 현미경도 몇 년 "
            "동안 호기심을 이어 가게 해 줄 좋은 선택입니다.",
            "Un kit per far crescere cristalli o costruire un semplice robot è divertente e istruttivo. Un microscopio "
            "per principianti è un'altra ottima scelta che terrà viva la sua curiosità per anni.",
            "Un kit para cultivar cristales o montar un robot sencillo es divertido y educativo a la vez. Un microscopio "
            "para principiantes es otra gran opción que mantendrá viva su curiosidad durante años.")},
])


# --- sentiment: a short quoted text, then its tone or feeling ------------------------------------
template("sentiment", [OWN], ANSWER, [
    {"q": L("What is the sentiment of this hotel review? \"The room was clean and the staff were lovely, but breakfast "
            "was cold.\"",
            "这条酒店评论的情感倾向是什么？“房间很干净，员工也很亲切，但早餐是凉的。”",
            "이 호텔 후기의 감정은 어떤가요? \"방은 깨끗했고 직원들도 친절했지만, 아침 식사가 식어 있었어요.\"",
            "Qual è il sentimento di questa recensione di un hotel? \"La camera era pulita e il personale gentilissimo, "
            "ma la colazione era fredda.\"",
            "¿Qué sentimiento expresa esta reseña de un hotel? \"La habitación estaba limpia y el personal era "
            "encantador, pero el desayuno estaba frío.\""),
     "r": L("The sentiment is mixed. The guest praises the clean room and the friendly staff, but complains that the "
            "breakfast was cold.",
            "情感是好坏参半的。这位客人称赞了干净的房间和亲切的员工，但抱怨早餐是凉的。",
            "감정이 섞여 있습니다. 손님은 깨끗한 방과 친절한 직원을 칭찬하지만, 아침 식사가 식어 있었다고 불평합니다.",
            "Il sentimento è misto. L'ospite loda la camera pulita e il personale gentile, ma si lamenta che la "
            "colazione fosse fredda.",
            "El sentimiento es mixto. El huésped elogia la habitación limpia y el personal amable, pero se queja de que "
            "el desayuno estaba frío.")},
    {"q": L("Is this comment positive or negative? \"I waited forty minutes on the phone and nobody ever answered.\"",
            "这条评论是正面的还是负面的？“我在电话里等了四十分钟，始终没有人接。”",
            "이 댓글은 긍정적인가요, 부정적인가요? \"전화로 40분이나 기다렸는데 끝내 아무도 받지 않았어요.\"",
            "Questo commento è positivo o negativo? \"Ho aspettato quaranta minuti al telefono e nessuno ha mai risposto.\"",
            "¿Este comentario es positivo o negativo? \"Esperé cuarenta minutos al teléfono y nadie contestó nunca.\""),
     "r": L("It is negative. The customer is frustrated because they waited a long time on the phone and never got "
            "an answer.",
            "这是负面的。这位顾客在电话里等了很久却始终没人接听，因此感到很恼火。",
            "부정적입니다. 고객은 전화로 오래 기다렸는데도 끝내 응답을 받지 못해서 답답해하고 있습니다.",
            "È negativo. Il cliente è frustrato perché ha aspettato a lungo al telefono senza mai ricevere una risposta.",
            "Es negativo. El cliente está frustrado porque esperó mucho tiempo al teléfono y nunca recibió respuesta.")},
    {"q": L("Does this post sound happy or sad? \"Finally finished my first marathon and I can't stop smiling!\"",
            "这条动态听起来是开心还是难过？“终于跑完了我的第一个马拉松，我简直合不拢嘴！”",
            "이 게시글은 기뻐 보이나요, 슬퍼 보이나요? \"드디어 첫 마라톤을 완주했어요. 웃음이 멈추질 않아요!\"",
            "Questo post sembra felice o triste? \"Ho finalmente finito la mia prima maratona e non riesco a smettere di "
            "sorridere!\"",
            "¿Esta publicación suena alegre o triste? \"¡Por fin terminé mi primer maratón y no puedo dejar de sonreír!\""),
     "r": L("It sounds very happy. The writer is proud of finishing their first marathon and says they cannot stop "
            "smiling.",
            "听起来非常开心。作者为跑完人生第一个马拉松而自豪，还说自己笑得合不拢嘴。",
            "아주 기뻐 보입니다. 글쓴이는 첫 마라톤을 완주한 것을 자랑스러워하며 웃음이 멈추지 않는다고 말합니다.",
            "Sembra molto felice. Chi scrive è orgoglioso di aver finito la sua prima maratona e dice di non riuscire a "
            "smettere di sorridere.",
            "Suena muy alegre. Quien escribe está orgulloso de haber terminado su primer maratón y dice que no puede "
            "dejar de sonreír.")},
    {"q": L("Classify the tone of this message as positive, negative or neutral: \"The meeting has been moved to "
            "Thursday at 3 pm.\"",
            "请判断这条消息的语气是正面、负面还是中性：“会议改到星期四下午三点。”",
            "이 메시지의 어조를 긍정, 부정, 중립 중 하나로 분류해 주세요: \"회의가 목요일 오후 3시로 변경되었습니다.\"",
            "Classifica il tono di questo messaggio come positivo, negativo o neutro: \"La riunione è stata spostata a "
            "giovedì alle 15.\"",
            "Clasifica el tono de este mensaje como positivo, negativo o neutro: \"La reunión se ha cambiado al jueves "
            "a las tres de la tarde.\""),
     "r": L("The tone is neutral. The message simply tells people the new time of the meeting and does not express "
            "any feeling about it.",
            "语气是中性的。这条消息只是告诉大家会议的新时间，没有表达任何情绪。",
            "어조는 중립적입니다. 이 메시지는 회의의 새 시간을 알려 줄 뿐, 그에 대한 어떤 감정도 드러내지 않습니다.",
            "Il tono è neutro. Il messaggio comunica soltanto il nuovo orario della riunione e non esprime alcuna emozione.",
            "El tono es neutro. El mensaje solo informa de la nueva hora de la reunión y no expresa ningún sentimiento.")},
    {"q": L("How does the writer feel here? \"I was really looking forward to the concert, but it was cancelled an "
            "hour before it started.\"",
            "这段话的作者是什么心情？“我一直很期待那场音乐会，可它在开场前一个小时被取消了。”",
            "이 글을 쓴 사람은 어떤 기분일까요? \"콘서트를 정말 기대하고 있었는데, 시작 한 시간 전에 취소됐어요.\"",
            "Come si sente chi scrive? \"Aspettavo tanto quel concerto, ma l'hanno annullato un'ora prima dell'inizio.\"",
            "¿Cómo se siente quien escribe esto? \"Tenía muchísimas ganas de ir al concierto, pero lo cancelaron una "
            "hora antes de empezar.\""),
     "r": L("The writer feels disappointed. They had been excited about the concert for a while, and it was "
            "cancelled at the very last minute.",
            "作者感到很失望。他期待这场音乐会很久了，结果却在最后一刻被取消。",
            "글쓴이는 실망하고 있습니다. 오랫동안 콘서트를 기대했는데 마지막 순간에 취소되었기 때문입니다.",
            "Chi scrive si sente deluso. Aspettava il concerto da tempo con entusiasmo ed è stato annullato all'ultimo "
            "momento.",
            "Quien escribe se siente decepcionado. Llevaba tiempo ilusionado con el concierto y lo cancelaron en el "
            "último momento.")},
    {"q": L("Read this review and tell me whether the customer would recommend the phone: \"The battery lasts two "
            "days and the screen is gorgeous. Worth every penny.\"",
            "读一读这条评论，告诉我这位顾客会不会推荐这款手机：“电池能用两天，屏幕漂亮极了，每一分钱都花得值。”",
            "이 후기를 읽고 고객이 이 휴대폰을 추천할지 알려 주세요: \"배터리가 이틀이나 가고 화면이 정말 멋져요. "
            "돈이 전혀 아깝지 않아요.\"",
            "Leggi questa recensione e dimmi se il cliente consiglierebbe il telefono: \"La batteria dura due giorni e "
            "lo schermo è splendido. Vale ogni centesimo.\"",
            "Lee esta reseña y dime si el cliente recomendaría el móvil: \"La batería dura dos días y la pantalla es "
            "preciosa. Vale cada céntimo.\""),
     "r": L("Yes, the customer would clearly recommend it. They praise the long battery life and the beautiful screen "
            "and say the phone is worth its price.",
            "会的，这位顾客显然会推荐。他称赞电池续航长、屏幕漂亮，还说这款手机物有所值。",
            "네, 이 고객은 분명히 추천할 것입니다. 긴 배터리 수명과 아름다운 화면을 칭찬하며 가격만큼의 가치가 있다고 "
            "말하니까요.",
            "Sì, il cliente lo consiglierebbe senza dubbio. Loda la lunga durata della batteria e lo schermo bellissimo "
            "e dice che il telefono vale il suo prezzo.",
            "Sí, el cliente sin duda lo recomendaría. Elogia la larga duración de la batería y la pantalla preciosa, y "
            "dice que el móvil vale lo que cuesta.")},
    {"q": L("Is this restaurant review positive or negative? \"The portions were tiny and the waiter forgot our drinks "
            "twice.\"",
            "这条餐厅评论是好评还是差评？“菜量少得可怜，服务员还两次忘了上我们的饮料。”",
            "이 식당 후기는 긍정적인가요, 부정적인가요? \"양이 너무 적었고 종업원이 음료를 두 번이나 잊어버렸어요.\"",
            "Questa recensione di un ristorante è positiva o negativa? \"Le porzioni erano minuscole e il cameriere si è "
            "dimenticato le nostre bevande due volte.\"",
            "¿Esta reseña de un restaurante es positiva o negativa? \"Las raciones eran diminutas y el camarero se "
            "olvidó de nuestras bebidas dos veces.\""),
     "r": L("It is negative. The reviewer complains about both the food, because the portions were very small, and "
            "the service, because the waiter kept forgetting their drinks.",
            "这是差评。评论者既抱怨菜量太少，也抱怨服务不好，因为服务员一再忘记他们的饮料。",
            "부정적입니다. 글쓴이는 양이 너무 적었던 음식과 음료를 계속 잊어버린 종업원의 서비스 모두에 불만을 "
            "나타냅니다.",
            "È negativa. Chi scrive si lamenta sia del cibo, perché le porzioni erano piccolissime, sia del servizio, "
            "perché il cameriere continuava a dimenticare le bevande.",
            "Es negativa. Quien la escribe se queja tanto de la comida, porque las raciones eran muy pequeñas, como del "
            "servicio, porque el camarero olvidaba una y otra vez las bebidas.")},
    {"q": L("Which emotion does this sentence express, anger, fear or joy? \"I can't believe they sold my bike "
            "without even asking me!\"",
            "这句话表达的是愤怒、恐惧还是喜悦？“真不敢相信，他们连问都没问就把我的自行车卖了！”",
            "이 문장은 분노, 두려움, 기쁨 중 어떤 감정을 나타내나요? \"나한테 묻지도 않고 내 자전거를 팔아 버렸다니 "
            "믿을 수가 없어!\"",
            "Quale emozione esprime questa frase, rabbia, paura o gioia? \"Non ci posso credere che abbiano venduto la "
            "mia bici senza neanche chiedermelo!\"",
            "¿Qué emoción expresa esta frase: enfado, miedo o alegría? \"¡No me puedo creer que hayan vendido mi bici "
            "sin ni siquiera preguntarme!\""),
     "r": L("It expresses anger. The speaker is upset and shocked because someone sold their bike without asking for "
            "permission first.",
            "这句话表达的是愤怒。说话的人又气又震惊，因为有人没经过他同意就卖掉了他的自行车。",
            "분노를 나타냅니다. 말하는 사람은 누군가가 허락도 받지 않고 자기 자전거를 팔아 버려서 화가 나고 어이없어하고 "
            "있습니다.",
            "Esprime rabbia. Chi parla è arrabbiato e incredulo perché qualcuno ha venduto la sua bici senza chiedergli "
            "il permesso.",
            "Expresa enfado. Quien habla está molesto e indignado porque alguien vendió su bici sin pedirle permiso.")},
])


# --- rewrite: a quoted sentence, then the same idea said another way ------------------------------
template("rewrite", [OWN], ANSWER, [
    {"q": L("Rewrite this notice so that a child could understand it: \"The museum will be inaccessible to visitors "
            "during renovations.\"",
            "把这则通知改写得让小孩子也能看懂：“翻修期间，博物馆将不对参观者开放。”",
            "이 안내문을 아이도 이해할 수 있게 바꿔 써 주세요: \"보수 공사 기간에는 박물관 관람이 불가합니다.\"",
            "Riscrivi questo avviso in modo che lo capisca anche un bambino: \"Il museo resterà inaccessibile ai "
            "visitatori durante i lavori di ristrutturazione.\"",
            "Reescribe este aviso para que lo entienda un niño: \"El museo permanecerá inaccesible a los visitantes "
            "durante las obras de renovación.\""),
     "r": L("Here is a simpler version: \"You can't go into the museum right now, because workers are fixing it up. "
            "It will open again when they are finished.\"",
            "简单一点可以这样说：“现在不能进博物馆，因为工人叔叔正在修理它。修好以后就会重新开门。”",
            "더 쉽게 말하면 이렇습니다: \"지금은 아저씨들이 박물관을 고치고 있어서 들어갈 수 없어요. 다 고치면 다시 "
            "문을 열어요.\"",
            "Ecco una versione più semplice: \"Adesso non si può entrare nel museo, perché degli operai lo stanno "
            "sistemando. Riaprirà quando avranno finito.\"",
            "Aquí tienes una versión más sencilla: \"Ahora no se puede entrar en el museo, porque unos obreros lo están "
            "arreglando. Volverá a abrir cuando terminen.\"")},
    {"q": L("Make this sentence shorter: \"Due to the fact that the train was running late, we were not able to arrive "
            "on time.\"",
            "把这句话改得更简短：“由于火车晚点的缘故，我们没有能够按时到达。”",
            "이 문장을 더 짧게 줄여 주세요: \"기차가 늦게 운행되었다는 사실로 인해 우리는 제시간에 도착할 수 없었다.\"",
            "Rendi più breve questa frase: \"A causa del fatto che il treno viaggiava in ritardo, non siamo stati in grado "
            "di arrivare in orario.\"",
            "Haz más corta esta frase: \"Debido al hecho de que el tren circulaba con retraso, no fuimos capaces de "
            "llegar a tiempo.\""),
     "r": L("A shorter version is: \"We arrived late because the train was late.\" It keeps the same meaning with less "
            "than half the words.",
            "更简短的说法是：“火车晚点了，所以我们迟到了。”意思不变，字数却少了一半多。",
            "더 짧게 쓰면 \"기차가 늦어서 우리도 늦게 도착했다.\"입니다. 뜻은 그대로이면서 길이는 절반 이하로 줄었습니다.",
            "Una versione più breve è: \"Siamo arrivati tardi perché il treno era in ritardo.\" Il significato è lo stesso, "
            "con meno della metà delle parole.",
            "Una versión más corta es: \"Llegamos tarde porque el tren se retrasó.\" Dice lo mismo con menos de la mitad "
            "de palabras.")},
    {"q": L("Say this in a more positive way for a shop window: \"We are closed on Sundays.\"",
            "把这句话改得更积极一些，用在商店橱窗上：“我们周日不营业。”",
            "가게 창문에 붙일 수 있게 이 문장을 더 긍정적으로 바꿔 주세요: \"일요일은 영업하지 않습니다.\"",
            "Riformula in modo più positivo, per la vetrina di un negozio: \"La domenica siamo chiusi.\"",
            "Dilo de forma más positiva para el escaparate de una tienda: \"Los domingos cerramos.\""),
     "r": L("A more positive version could be: \"We are happy to welcome you from Monday to Saturday!\" It tells "
            "customers when to come instead of when not to.",
            "更积极的说法可以是：“周一至周六，我们期待您的光临！”这样是告诉顾客什么时候可以来，而不是什么时候不能来。",
            "더 긍정적으로는 \"월요일부터 토요일까지 기쁜 마음으로 여러분을 기다립니다!\"라고 쓸 수 있습니다. 언제 오면 "
            "안 되는지가 아니라 언제 오면 되는지를 알려 주는 문장입니다.",
            "Una versione più positiva potrebbe essere: \"Vi aspettiamo con piacere dal lunedì al sabato!\" Così dice ai "
            "clienti quando venire invece di quando non venire.",
            "Una versión más positiva podría ser: \"¡Te esperamos con gusto de lunes a sábado!\" Así indica a los clientes "
            "cuándo venir en lugar de cuándo no venir.")},
    {"q": L("Change this sentence to the active voice: \"The cake was eaten by the children.\"",
            "把这个被动句改成主动句：“蛋糕被孩子们吃掉了。”",
            "이 피동문을 능동문으로 바꿔 주세요: \"케이크가 아이들에 의해 먹혔다.\"",
            "Volgi questa frase alla forma attiva: \"La torta è stata mangiata dai bambini.\"",
            "Pasa esta frase a la voz activa: \"La tarta fue comida por los niños.\""),
     "r": L("In the active voice the sentence is: \"The children ate the cake.\" The children, who do the action, now "
            "come first.",
            "改成主动句就是：“孩子们吃掉了蛋糕。”现在，做出动作的孩子们放在了句子开头。",
            "능동문으로 바꾸면 \"아이들이 케이크를 먹었다.\"가 됩니다. 이제 행동을 하는 아이들이 문장의 주어가 되었습니다.",
            "Alla forma attiva la frase diventa: \"I bambini hanno mangiato la torta.\" Ora i bambini, che compiono "
            "l'azione, vengono per primi.",
            "En voz activa la frase queda así: \"Los niños se comieron la tarta.\" Ahora los niños, que realizan la "
            "acción, van primero.")},
    {"q": L("Rewrite this sentence to sound more enthusiastic: \"The new park near my house is okay.\"",
            "把这句话改写得更热情一些：“我家附近的新公园还行吧。”",
            "이 문장을 더 신나는 느낌으로 바꿔 써 주세요: \"우리 집 근처에 새로 생긴 공원은 그럭저럭 괜찮아.\"",
            "Riscrivi questa frase in modo più entusiasta: \"Il nuovo parco vicino a casa mia non è male.\"",
            "Reescribe esta frase con más entusiasmo: \"El parque nuevo cerca de mi casa no está mal.\""),
     "r": L("Here is a more enthusiastic version: \"The new park near my house is wonderful, and I can't wait to go "
            "back this weekend!\"",
            "更热情的版本是：“我家附近的新公园太棒了，我都等不及这个周末再去一趟了！”",
            "더 신나는 느낌으로 바꾸면 이렇습니다: \"우리 집 근처에 새로 생긴 공원은 정말 멋져! 이번 주말에 또 가고 "
            "싶어서 못 기다리겠어!\"",
            "Ecco una versione più entusiasta: \"Il nuovo parco vicino a casa mia è fantastico e non vedo l'ora di "
            "tornarci questo fine settimana!\"",
            "Aquí tienes una versión con más entusiasmo: \"¡El parque nuevo cerca de mi casa es maravilloso y estoy "
            "deseando volver este fin de semana!\"")},
    {"q": L("Put this sentence in the past tense: \"She walks to the market and buys fresh bread.\"",
            "把这句话改成表示过去发生的事：“她走路去市场买新鲜的面包。”",
            "이 문장을 과거형으로 바꿔 주세요: \"그녀는 시장에 걸어가서 신선한 빵을 산다.\"",
            "Volgi questa frase al passato: \"Va a piedi al mercato e compra del pane fresco.\"",
            "Pon esta frase en pasado: \"Va andando al mercado y compra pan recién hecho.\""),
     "r": L("In the past tense it becomes: \"She walked to the market and bought fresh bread.\" Both verbs change, "
            "walks to walked and buys to bought.",
            "表示过去可以说：“她走路去了市场，买了新鲜的面包。”中文没有时态变化，所以要加上“了”来表示动作已经完成。",
            "과거형으로 바꾸면 \"그녀는 시장에 걸어가서 신선한 빵을 샀다.\"가 됩니다. 마지막 동사 \"산다\"가 \"샀다\"로 "
            "바뀝니다.",
            "Al passato diventa: \"È andata a piedi al mercato e ha comprato del pane fresco.\" Entrambi i verbi passano "
            "al passato prossimo.",
            "En pasado queda así: \"Fue andando al mercado y compró pan recién hecho.\" Los dos verbos pasan al pretérito "
            "indefinido.")},
    {"q": L("Say this more simply: \"We need to utilise our available resources in a more efficient manner.\"",
            "用更简单的话说这句话：“我们需要以更高效的方式对现有资源加以利用。”",
            "이 말을 더 쉽게 바꿔 주세요: \"우리는 가용 자원을 보다 효율적인 방식으로 활용할 필요가 있습니다.\"",
            "Dillo in modo più semplice: \"È necessario utilizzare le risorse disponibili in maniera più efficiente.\"",
            "Dilo de forma más sencilla: \"Es necesario utilizar los recursos disponibles de una manera más eficiente.\""),
     "r": L("A simpler way to say it is: \"We need to make better use of what we have.\" Plain words make the same point "
            "more clearly.",
            "更简单的说法是：“我们要把手头的东西用得更好。”用朴素的词语，意思反而更清楚。",
            "더 쉽게 말하면 \"가진 것을 더 잘 써야 합니다.\"입니다. 쉬운 말로 쓰면 같은 뜻이 더 분명하게 전달됩니다.",
            "Un modo più semplice di dirlo è: \"Dobbiamo usare meglio quello che abbiamo.\" Parole semplici esprimono lo "
            "stesso concetto in modo più chiaro.",
            "Una forma más sencilla de decirlo es: \"Tenemos que aprovechar mejor lo que tenemos.\" Con palabras sencillas "
            "la idea queda más clara.")},
    {"q": L("Rewrite this text message so it sounds friendlier: \"Where are you? You're late.\"",
            "把这条短信改得更友好一些：“你在哪儿？你迟到了。”",
            "이 문자 메시지를 더 다정하게 바꿔 주세요: \"어디야? 늦었잖아.\"",
            "Riscrivi questo messaggio in modo che suoni più amichevole: \"Dove sei? Sei in ritardo.\"",
            "Reescribe este mensaje para que suene más amable: \"¿Dónde estás? Llegas tarde.\""),
     "r": L("A friendlier version could be: \"Hi! Are you on your way? No rush, I just wanted to check that "
            "everything is okay.\"",
            "更友好的说法可以是：“嗨！你在路上了吗？不着急，我只是想确认一下你一切都好。”",
            "더 다정하게는 이렇게 쓸 수 있습니다: \"안녕! 오는 중이야? 서두르지 않아도 돼. 별일 없는지 궁금해서 물어봤어.\"",
            "Una versione più amichevole potrebbe essere: \"Ciao! Sei per strada? Fai con calma, volevo solo sapere se va "
            "tutto bene.\"",
            "Una versión más amable podría ser: \"¡Hola! ¿Ya vienes? Sin prisa, solo quería saber si va todo bien.\"")},
])


# --- summarise: a quoted short text, then its gist -------------------------------------------------
template("summarise", [OWN], ANSWER, [
    {"q": L("Summarise this in one sentence: \"From March, the library will open at noon on weekdays but stay open "
            "until 9 pm, so people who work can visit in the evening.\"",
            "用一句话概括：“从三月起，图书馆工作日中午才开门，但会一直开到晚上九点，方便上班族晚上来。”",
            "한 문장으로 요약해 주세요: \"3월부터 도서관은 평일에 정오에 문을 열지만, 직장인들이 저녁에 올 수 있도록 "
            "밤 9시까지 운영합니다.\"",
            "Riassumi in una frase: \"Da marzo la biblioteca aprirà a mezzogiorno nei giorni feriali, ma resterà aperta "
            "fino alle 21, così chi lavora potrà andarci la sera.\"",
            "Resume esto en una frase: \"A partir de marzo, la biblioteca abrirá a mediodía entre semana, pero cerrará a "
            "las nueve de la noche para que quien trabaja pueda ir por la tarde.\""),
     "r": L("From March the library will open and close later on weekdays, so that people with jobs can come in the "
            "evening.",
            "从三月起，图书馆工作日会推迟开门和关门时间，让上班的人晚上也能去。",
            "3월부터 도서관은 직장인들이 저녁에 올 수 있도록 평일에 더 늦게 열고 더 늦게 닫습니다.",
            "Da marzo la biblioteca aprirà e chiuderà più tardi nei giorni feriali, così chi lavora potrà andarci la sera.",
            "Desde marzo la biblioteca abrirá y cerrará más tarde entre semana, para que quien trabaja pueda ir por la "
            "tarde.")},
    {"q": L("What is the main point of this paragraph? \"Many people think goldfish remember things for only three "
            "seconds. In fact, experiments show they remember for months and can even be trained.\"",
            "这段话的要点是什么？“很多人以为金鱼的记忆只有三秒。事实上，实验表明它们能记住几个月，甚至可以被训练。”",
            "이 단락의 요점은 무엇인가요? \"많은 사람이 금붕어의 기억력이 3초밖에 안 된다고 생각한다. 하지만 실험에 "
            "따르면 금붕어는 몇 달 동안 기억하고 훈련도 받을 수 있다.\"",
            "Qual è il punto principale di questo paragrafo? \"Molti pensano che i pesci rossi ricordino le cose solo per "
            "tre secondi. In realtà gli esperimenti mostrano che ricordano per mesi e si possono persino addestrare.\"",
            "¿Cuál es la idea principal de este párrafo? \"Mucha gente cree que los peces de colores solo recuerdan las "
            "cosas tres segundos. En realidad, los experimentos muestran que recuerdan durante meses e incluso se les "
            "puede entrenar.\""),
     "r": L("The main point is that goldfish have much better memories than people believe: they can remember things "
            "for months and can be trained.",
            "要点是：金鱼的记忆力比人们以为的好得多，它们能记住几个月，还能被训练。",
            "요점은 금붕어의 기억력이 사람들이 생각하는 것보다 훨씬 좋다는 것입니다. 금붕어는 몇 달 동안 기억할 수 있고 "
            "훈련도 가능합니다.",
            "Il punto principale è che i pesci rossi hanno una memoria molto migliore di quanto si creda: ricordano per "
            "mesi e si possono addestrare.",
            "La idea principal es que los peces de colores tienen mucha mejor memoria de lo que se cree: recuerdan "
            "durante meses y se les puede entrenar.")},
    {"q": L("Summarise this office message for me: \"Hi all, the kitchen will be cleaned on Friday, so please take "
            "your food out of the fridge by Thursday evening.\"",
            "帮我概括一下这条办公室通知：“大家好，周五要打扫厨房，请在周四晚上之前把自己的食物从冰箱里拿走。”",
            "이 사내 메시지를 요약해 주세요: \"여러분, 금요일에 탕비실 청소가 있으니 목요일 저녁까지 냉장고에서 각자 "
            "음식을 꺼내 주세요.\"",
            "Riassumimi questo messaggio dell'ufficio: \"Ciao a tutti, venerdì puliranno la cucina, quindi togliete il "
            "vostro cibo dal frigo entro giovedì sera.\"",
            "Resúmeme este mensaje de la oficina: \"Hola a todos, el viernes se limpiará la cocina, así que sacad vuestra "
            "comida de la nevera antes del jueves por la noche.\""),
     "r": L("Everyone has to take their food out of the office fridge by Thursday evening, because the kitchen is "
            "being cleaned on Friday.",
            "因为周五要打扫厨房，大家必须在周四晚上之前把自己的食物从办公室冰箱里拿走。",
            "금요일에 탕비실을 청소하기 때문에 모두 목요일 저녁까지 사무실 냉장고에서 자기 음식을 꺼내야 합니다.",
            "Tutti devono togliere il proprio cibo dal frigo dell'ufficio entro giovedì sera, perché venerdì si pulisce "
            "la cucina.",
            "Todos tienen que sacar su comida de la nevera de la oficina antes del jueves por la noche, porque el viernes "
            "se limpia la cocina.")},
    {"q": L("Briefly summarise this news item: \"Heavy snow closed the city's airport for six hours on Monday. More "
            "than two hundred flights were cancelled.\"",
            "简要概括这条新闻：“周一，大雪导致该市机场关闭六个小时，两百多个航班被取消。”",
            "이 뉴스를 간단히 요약해 주세요: \"월요일에 폭설로 시 공항이 여섯 시간 동안 폐쇄되었다. 200편이 넘는 "
            "항공편이 취소되었다.\"",
            "Riassumi brevemente questa notizia: \"Lunedì una forte nevicata ha chiuso l'aeroporto della città per sei "
            "ore. Sono stati cancellati più di duecento voli.\"",
            "Resume brevemente esta noticia: \"El lunes una fuerte nevada cerró el aeropuerto de la ciudad durante seis "
            "horas. Se cancelaron más de doscientos vuelos.\""),
     "r": L("On Monday heavy snow shut the city's airport for six hours, and over two hundred flights were cancelled "
            "as a result.",
            "周一的大雪让该市机场关闭了六个小时，导致两百多个航班取消。",
            "월요일 폭설로 시 공항이 여섯 시간 동안 문을 닫았고, 그 결과 200편이 넘는 항공편이 취소되었습니다.",
            "Lunedì la neve ha chiuso per sei ore l'aeroporto della città, e di conseguenza sono stati cancellati oltre "
            "duecento voli.",
            "El lunes la nieve cerró durante seis horas el aeropuerto de la ciudad y, como consecuencia, se cancelaron "
            "más de doscientos vuelos.")},
    {"q": L("In a few words, what is this film review saying? \"It starts slowly, but the last hour is gripping and "
            "the acting is excellent throughout.\"",
            "简单说说这条影评在讲什么：“开头有点慢，但最后一个小时扣人心弦，而且演员的表演自始至终都很出色。”",
            "이 영화 평은 간단히 말해 무슨 내용인가요? \"초반은 느리지만 마지막 한 시간은 손에 땀을 쥐게 하고, 연기는 "
            "처음부터 끝까지 훌륭하다.\"",
            "In poche parole, cosa dice questa recensione del film? \"Parte lentamente, ma l'ultima ora è avvincente e la "
            "recitazione è ottima dall'inizio alla fine.\"",
            "En pocas palabras, ¿qué dice esta crítica de la película? \"Empieza despacio, pero la última hora engancha "
            "y las interpretaciones son excelentes de principio a fin.\""),
     "r": L("In short, the reviewer liked the film: the beginning is slow, but the ending is exciting and the acting "
            "is excellent.",
            "简单来说，评论者喜欢这部电影：开头较慢，但结尾很精彩，演技也非常出色。",
            "간단히 말해 평론가는 이 영화를 좋게 봤습니다. 초반은 느리지만 결말이 흥미진진하고 연기가 훌륭하다는 것입니다.",
            "In breve, al recensore il film è piaciuto: l'inizio è lento, ma il finale è emozionante e la recitazione è "
            "ottima.",
            "En resumen, al crítico le gustó la película: el principio es lento, pero el final es emocionante y las "
            "interpretaciones son excelentes.")},
    {"q": L("Sum up this email in one line: \"Thank you for your application. We were impressed by your experience and "
            "would like to invite you to an interview next Tuesday at 10 am.\"",
            "用一句话总结这封邮件：“感谢您的申请。您的经历给我们留下了深刻印象，我们想邀请您下周二上午十点来面试。”",
            "이 이메일을 한 줄로 요약해 주세요: \"지원해 주셔서 감사합니다. 귀하의 경력이 인상적이어서 다음 주 화요일 "
            "오전 10시에 면접을 보러 와 주시기를 부탁드립니다.\"",
            "Riassumi questa e-mail in una riga: \"Grazie per la sua candidatura. Siamo rimasti colpiti dalla sua "
            "esperienza e vorremmo invitarla a un colloquio martedì prossimo alle 10.\"",
            "Resume este correo en una línea: \"Gracias por su solicitud. Nos ha impresionado su experiencia y nos "
            "gustaría invitarle a una entrevista el próximo martes a las 10.\""),
     "r": L("The company liked the candidate's experience and is inviting them to a job interview next Tuesday at "
            "10 am.",
            "公司很欣赏这位求职者的经历，邀请对方下周二上午十点参加面试。",
            "회사가 지원자의 경력을 좋게 보고 다음 주 화요일 오전 10시 면접에 초대하고 있습니다.",
            "L'azienda ha apprezzato l'esperienza del candidato e lo invita a un colloquio martedì prossimo alle 10.",
            "La empresa valora la experiencia del candidato y lo invita a una entrevista de trabajo el próximo martes a "
            "las 10.")},
    {"q": L("Summarise the story of Little Red Riding Hood in two sentences.", "用两句话概括《小红帽》的故事。",
            "빨간 모자 이야기를 두 문장으로 요약해 주세요.",
            "Riassumi la storia di Cappuccetto Rosso in due frasi.", "Resume el cuento de Caperucita Roja en dos frases."),
     "r": L("A girl in a red hood walks through the woods to visit her grandmother, but a wolf gets there first and "
            "pretends to be the old woman. A hunter arrives just in time and saves them both.",
            "一个戴红帽子的小女孩穿过森林去看望外婆，可是大灰狼抢先一步，假扮成了外婆。一位猎人及时赶到，救出了她们俩。",
            "빨간 모자를 쓴 소녀가 할머니를 뵈러 숲을 지나가는데, 늑대가 먼저 할머니 집에 가서 할머니인 척합니다. "
            "마침 사냥꾼이 나타나 두 사람을 구해 줍니다.",
            "Una bambina con un cappuccio rosso attraversa il bosco per andare dalla nonna, ma il lupo arriva prima e "
            "si finge la nonna. Un cacciatore arriva appena in tempo e le salva entrambe.",
            "Una niña con una caperuza roja cruza el bosque para visitar a su abuela, pero el lobo llega antes y se hace "
            "pasar por ella. Un cazador aparece justo a tiempo y las salva a las dos.")},
    {"q": L("Boil this down to one sentence: \"Bees carry pollen from flower to flower. Without them, many fruits and "
            "vegetables we eat every day would be much harder to grow.\"",
            "把这段话压缩成一句话：“蜜蜂把花粉从一朵花带到另一朵花。没有蜜蜂，我们每天吃的许多水果和蔬菜都会难种得多。”",
            "이 내용을 한 문장으로 줄여 주세요: \"벌은 꽃에서 꽃으로 꽃가루를 옮긴다. 벌이 없다면 우리가 매일 먹는 많은 "
            "과일과 채소를 기르기가 훨씬 어려울 것이다.\"",
            "Riduci questo testo a una frase: \"Le api portano il polline da un fiore all'altro. Senza di loro, molta "
            "frutta e verdura che mangiamo ogni giorno sarebbe molto più difficile da coltivare.\"",
            "Reduce esto a una sola frase: \"Las abejas llevan el polen de flor en flor. Sin ellas, muchas frutas y "
            "verduras que comemos a diario serían mucho más difíciles de cultivar.\""),
     "r": L("Bees are important because, by carrying pollen between flowers, they help us grow many of the fruits and "
            "vegetables we eat.",
            "蜜蜂很重要，因为它们在花朵之间传播花粉，帮助我们种出日常吃的许多水果和蔬菜。",
            "벌은 꽃과 꽃 사이에 꽃가루를 옮겨 우리가 먹는 많은 과일과 채소가 자라도록 도와주기 때문에 중요합니다.",
            "Le api sono importanti perché, portando il polline tra i fiori, ci aiutano a coltivare molta della frutta e "
            "della verdura che mangiamo.",
            "Las abejas son importantes porque, al llevar el polen entre las flores, nos ayudan a cultivar muchas de las "
            "frutas y verduras que comemos.")},
])


# --- compare: two options weighed against each other ------------------------------------------------
template("compare", [OWN], ANSWER, [
    {"q": L("Should I read on an e-reader or stick to paper books?", "我应该用电子阅读器看书，还是继续读纸质书？",
            "전자책 단말기로 읽는 게 좋을까요, 아니면 계속 종이책을 읽는 게 좋을까요?",
            "Meglio leggere su un e-reader o restare fedele ai libri di carta?",
            "¿Debería leer en un libro electrónico o seguir con los libros de papel?"),
     "r": L("An e-reader is light, holds thousands of books and lets you change the text size, which is great for "
            "travel. Paper books never need charging, are easy to lend, and many people simply enjoy holding them.",
            "电子阅读器很轻，能装下成千上万本书，还能调整字体大小，特别适合旅行时用。纸质书不用充电，方便借给别人，而且很多人就是喜欢捧着书读的感觉。",
            "전자책 단말기는 가볍고 수천 권의 책을 담을 수 있으며 글자 크기도 바꿀 수 있어 여행할 때 아주 좋습니다. "
            "종이책은 충전할 필요가 없고 빌려주기 쉬우며, 손에 들고 읽는 느낌을 좋아하는 사람도 많습니다.",
            "Un e-reader è leggero, contiene migliaia di libri e permette di cambiare la dimensione del testo, ottimo "
            "in viaggio. I libri di carta non vanno mai ricaricati, si prestano facilmente e a molti piace tenerli in mano.",
            "Un libro electrónico es ligero, guarda miles de libros y permite cambiar el tamaño de la letra, algo ideal "
            "para viajar. Los libros de papel nunca necesitan carga, se prestan fácilmente y a mucha gente le gusta "
            "tenerlos en las manos.")},
    {"q": L("Compare tea and coffee as a morning drink.", "比较一下茶和咖啡作为早晨饮品的优缺点。",
            "아침 음료로서 차와 커피를 비교해 주세요.", "Confronta il tè e il caffè come bevanda del mattino.",
            "Compara el té y el café como bebida para la mañana."),
     "r": L("Coffee usually has more caffeine, so it wakes you up faster but can make some people jittery. Tea has "
            "less caffeine and gives a gentler lift, and many kinds taste good without milk or sugar.",
            "咖啡的咖啡因通常更多，提神更快，但有些人喝了会心慌。茶的咖啡因较少，提神效果更温和，而且很多茶不加奶不加糖也很好喝。",
            "커피는 보통 카페인이 더 많아서 잠이 빨리 깨지만, 어떤 사람은 가슴이 두근거릴 수 있습니다. 차는 카페인이 "
            "적어 더 부드럽게 기운을 북돋아 주고, 우유나 설탕 없이도 맛있는 종류가 많습니다.",
            "Il caffè di solito ha più caffeina, quindi sveglia più in fretta, ma ad alcuni mette agitazione. Il tè ne "
            "ha meno e dà una carica più dolce, e molti tipi sono buoni anche senza latte né zucchero.",
            "El café suele tener más cafeína, así que despierta antes, pero a algunas personas las pone nerviosas. El té "
            "tiene menos y da un empujón más suave, y muchas variedades están buenas sin leche ni azúcar.")},
    {"q": L("I'm choosing between a cat and a dog, but I work full time. Which pet needs less of my time?",
            "我在猫和狗之间犹豫，但我是全职上班的。哪种宠物更省时间？",
            "고양이와 개 중에서 고민 중인데, 저는 종일 일을 해요. 어느 쪽이 시간이 덜 들까요?",
            "Sto scegliendo tra un gatto e un cane, ma lavoro a tempo pieno. Quale dei due richiede meno tempo?",
            "Estoy dudando entre un gato y un perro, pero trabajo a jornada completa. ¿Cuál necesita menos tiempo?"),
     "r": L("A cat generally needs less of your time, because it uses a litter box and is fine alone during a working "
            "day. A dog needs several walks a day and much more company.",
            "一般来说猫更省时间，因为它会用猫砂盆，白天独自在家也没问题。狗每天要遛好几次，也需要更多的陪伴。",
            "일반적으로 고양이가 시간이 덜 듭니다. 고양이는 화장실 모래를 쓰고 낮 동안 혼자 있어도 괜찮기 때문입니다. "
            "개는 하루에 여러 번 산책해야 하고 훨씬 더 많은 관심이 필요합니다.",
            "In genere un gatto richiede meno tempo, perché usa la lettiera e sta bene da solo durante la giornata di "
            "lavoro. Un cane ha bisogno di varie passeggiate al giorno e di molta più compagnia.",
            "En general, un gato necesita menos tiempo, porque usa el arenero y está bien solo durante la jornada "
            "laboral. Un perro necesita varios paseos al día y mucha más compañía.")},
    {"q": L("For a 500-kilometre trip, how does flying compare with taking the bus?",
            "五百公里的行程，坐飞机和坐大巴相比怎么样？",
            "500킬로미터 거리를 갈 때 비행기와 버스를 비교하면 어떤가요?",
            "Per un viaggio di 500 chilometri, come si confronta l'aereo con l'autobus?",
            "Para un viaje de 500 kilómetros, ¿cómo se compara ir en avión con ir en autobús?"),
     "r": L("The flight itself is much faster, but once you add getting to the airport and going through security, it "
            "often saves only an hour or two. The bus is far cheaper and causes less pollution per passenger.",
            "飞行本身快得多，但算上去机场和过安检的时间，往往只能省下一两个小时。大巴便宜得多，每位乘客造成的污染也更少。",
            "비행 시간 자체는 훨씬 짧지만, 공항까지 가는 시간과 보안 검색까지 더하면 한두 시간밖에 아끼지 못하는 경우가 "
            "많습니다. 버스는 훨씬 저렴하고 승객 한 명당 오염도 적습니다.",
            "Il volo in sé è molto più veloce, ma se si aggiungono il tragitto fino all'aeroporto e i controlli di "
            "sicurezza, spesso si risparmiano solo un'ora o due. L'autobus costa molto meno e inquina meno per passeggero.",
            "El vuelo en sí es mucho más rápido, pero si sumas el trayecto al aeropuerto y los controles de seguridad, "
            "a menudo solo ahorras una o dos horas. El autobús es mucho más barato y contamina menos por pasajero.")},
    {"q": L("Is it better to buy fresh or frozen vegetables?", "买新鲜蔬菜好还是买冷冻蔬菜好？",
            "채소는 신선한 것을 사는 게 좋을까요, 냉동을 사는 게 좋을까요?",
            "È meglio comprare verdure fresche o surgelate?", "¿Es mejor comprar verduras frescas o congeladas?"),
     "r": L("Both are healthy. Fresh vegetables taste best in season and eaten soon after buying, while frozen ones "
            "are picked ripe, keep their vitamins well and last for months, so less goes to waste.",
            "两者都很健康。新鲜蔬菜在当季、买来后尽快吃最好吃；冷冻蔬菜是在成熟时采摘的，维生素保存得好，还能放好几个月，浪费更少。",
            "둘 다 건강에 좋습니다. 신선한 채소는 제철에 사서 바로 먹을 때 가장 맛있고, 냉동 채소는 잘 익었을 때 수확해 "
            "비타민이 잘 보존되며 몇 달씩 보관할 수 있어 버리는 양이 줄어듭니다.",
            "Sono sane entrambe. Le verdure fresche sono più buone di stagione e consumate subito, mentre quelle "
            "surgelate vengono raccolte mature, conservano bene le vitamine e durano mesi, quindi se ne spreca meno.",
            "Las dos son sanas. Las verduras frescas saben mejor en temporada y consumidas enseguida, mientras que las "
            "congeladas se recogen maduras, conservan bien las vitaminas y duran meses, así que se desperdicia menos.")},
    {"q": L("For a complete beginner, how does learning the piano compare with learning the guitar?",
            "对完全零基础的人来说，学钢琴和学吉他相比怎么样？",
            "완전 초보자에게 피아노 배우기와 기타 배우기는 어떻게 다른가요?",
            "Per un principiante assoluto, com'è imparare il pianoforte rispetto alla chitarra?",
            "Para un principiante total, ¿cómo es aprender piano comparado con aprender guitarra?"),
     "r": L("The piano is easier at the very start, because the notes are laid out clearly and every key makes a clean "
            "sound. The guitar is cheaper and easy to carry, but pressing the strings hurts your fingers for a few weeks.",
            "钢琴在刚开始时更容易，因为音符排列一目了然，每个键都能弹出干净的声音。吉他更便宜，也方便携带，但头几个星期按弦会让手指很疼。",
            "처음에는 피아노가 더 쉽습니다. 음이 한눈에 보이게 배열되어 있고 건반을 누르기만 하면 깨끗한 소리가 나기 "
            "때문입니다. 기타는 더 저렴하고 들고 다니기 쉽지만, 처음 몇 주 동안은 줄을 누르면 손가락이 아픕니다.",
            "All'inizio il pianoforte è più facile, perché le note sono disposte in modo chiaro e ogni tasto dà un suono "
            "pulito. La chitarra costa meno ed è facile da portare, ma per qualche settimana premere le corde fa male alle dita.",
            "Al principio el piano es más fácil, porque las notas están ordenadas con claridad y cada tecla da un sonido "
            "limpio. La guitarra es más barata y fácil de llevar, pero las primeras semanas pisar las cuerdas duele.")},
    {"q": L("Which keeps you warmer in winter, a wool jumper or a fleece?", "冬天穿羊毛衫和抓绒衣，哪个更保暖？",
            "겨울에는 울 스웨터와 플리스 중 어느 것이 더 따뜻한가요?",
            "D'inverno scalda di più un maglione di lana o un pile?", "En invierno, ¿abriga más un jersey de lana o un forro polar?"),
     "r": L("Both are warm, but wool stays warm even when it gets a little damp and does not start to smell quickly. "
            "Fleece is lighter, dries faster and is usually cheaper, so it suits active days outdoors.",
            "两者都很保暖，但羊毛即使有点潮湿也依然保暖，而且不容易有异味。抓绒更轻、干得更快，通常也更便宜，适合户外活动时穿。",
            "둘 다 따뜻하지만, 울은 조금 축축해져도 따뜻함이 유지되고 냄새도 쉽게 나지 않습니다. 플리스는 더 가볍고 "
            "빨리 마르며 보통 더 저렴해서 야외에서 활동하는 날에 잘 맞습니다.",
            "Scaldano entrambi, ma la lana tiene caldo anche quando è un po' umida e non prende odore facilmente. Il pile "
            "è più leggero, si asciuga prima e di solito costa meno, quindi è adatto alle giornate attive all'aperto.",
            "Los dos abrigan, pero la lana sigue abrigando aunque se humedezca un poco y no coge olor fácilmente. El "
            "forro polar es más ligero, se seca antes y suele ser más barato, así que va bien para días activos al aire libre.")},
    {"q": L("I'm starting university in September. Would a tablet or a laptop be more useful?",
            "我九月就要上大学了。平板电脑和笔记本电脑哪个更实用？",
            "9월에 대학에 입학해요. 태블릿과 노트북 중 어느 것이 더 유용할까요?",
            "A settembre comincio l'università. Mi sarebbe più utile un tablet o un portatile?",
            "Empiezo la universidad en septiembre. ¿Me sería más útil una tableta o un portátil?"),
     "r": L("A laptop is usually more useful, because its keyboard and power make long essays and specialised "
            "software easy. A tablet is lighter and great for reading and handwritten notes, but less practical for "
            "heavy work.",
            "笔记本电脑通常更实用，因为有键盘、性能也更强，写长论文、用专业软件都很方便。平板电脑更轻，适合阅读和手写笔记，但不太适合繁重的工作。",
            "보통은 노트북이 더 유용합니다. 키보드가 있고 성능이 좋아 긴 과제를 쓰거나 전문 프로그램을 쓰기 편하기 "
            "때문입니다. 태블릿은 가볍고 읽기나 손글씨 필기에 좋지만 무거운 작업에는 덜 실용적입니다.",
            "Di solito è più utile un portatile, perché la tastiera e la potenza rendono facili le tesine lunghe e i "
            "programmi specifici. Un tablet è più leggero e ottimo per leggere e prendere appunti a mano, ma meno pratico "
            "per i lavori pesanti.",
            "Normalmente es más útil un portátil, porque su teclado y su potencia facilitan los trabajos largos y los "
            "programas especializados. Una tableta es más ligera y va muy bien para leer y tomar apuntes a mano, pero es "
            "menos práctica para tareas pesadas.")},
])


# --- recommend: one suggestion with a reason -----------------------------------------------------------
template("recommend", [OWN], ANSWER, [
    {"q": L("Can you recommend a kind of board game for a family with young children?",
            "你能给有小孩的家庭推荐一类桌游吗？",
            "어린아이가 있는 가족에게 어떤 보드게임을 추천하시나요?",
            "Mi consigli un tipo di gioco da tavolo per una famiglia con bambini piccoli?",
            "¿Me recomiendas algún tipo de juego de mesa para una familia con niños pequeños?"),
     "r": L("Try a cooperative game, where everyone plays together against the game instead of against each other. "
            "Nobody loses alone, so there are fewer tears, and the rules take only a few minutes to learn.",
            "试试合作类桌游吧，大家一起对抗游戏，而不是互相竞争。没有人会单独输掉，所以哭鼻子的情况会少很多，规则几分钟就能学会。",
            "협력형 게임을 해 보세요. 서로 겨루는 대신 모두가 한 팀이 되어 게임과 맞서는 방식입니다. 혼자 지는 사람이 "
            "없어서 우는 일이 줄고, 규칙도 몇 분이면 익힐 수 있습니다.",
            "Prova un gioco cooperativo, in cui tutti giocano insieme contro il gioco invece che l'uno contro l'altro. "
            "Nessuno perde da solo, quindi ci sono meno lacrime, e le regole si imparano in pochi minuti.",
            "Prueba un juego cooperativo, en el que todos juegan juntos contra el juego en lugar de unos contra otros. "
            "Nadie pierde solo, así que hay menos lágrimas, y las reglas se aprenden en pocos minutos.")},
    {"q": L("I loved fantasy novels as a teenager and want to get back into them. Which book should I start with?",
            "我十几岁时很爱看奇幻小说，现在想重新读起来。该从哪本书开始？",
            "십 대 때 판타지 소설을 정말 좋아했는데 다시 읽어 보고 싶어요. 어떤 책부터 시작하면 좋을까요?",
            "Da adolescente adoravo i romanzi fantasy e vorrei riprendere a leggerli. Da quale libro dovrei cominciare?",
            "De adolescente me encantaban las novelas de fantasía y quiero volver a leerlas. ¿Con qué libro empiezo?"),
     "r": L("The Hobbit by J. R. R. Tolkien is a good place to start again: it is fairly short, warm and full of "
            "adventure. If you enjoy it, you can move on to longer series afterwards.",
            "托尔金的《霍比特人》是重新入门的好选择：篇幅不算长，读来温暖，又充满冒险。如果你喜欢，之后可以再读更长的系列。",
            "톨킨의 『호빗』으로 다시 시작해 보세요. 비교적 짧고 따뜻하며 모험으로 가득한 책입니다. 마음에 든다면 그다음에 "
            "더 긴 시리즈로 넘어가면 됩니다.",
            "Lo Hobbit di J. R. R. Tolkien è un buon punto da cui ripartire: è abbastanza breve, caloroso e pieno di "
            "avventura. Se ti piace, dopo potrai passare a saghe più lunghe.",
            "El hobbit, de J. R. R. Tolkien, es un buen libro para volver a empezar: es bastante corto, entrañable y "
            "está lleno de aventuras. Si te gusta, después puedes pasar a sagas más largas.")},
    {"q": L("Recommend a hobby for someone who sits at a computer all day.", "给整天坐在电脑前的人推荐一个爱好。",
            "하루 종일 컴퓨터 앞에 앉아 있는 사람에게 취미를 하나 추천해 주세요.",
            "Consiglia un hobby a chi passa tutto il giorno davanti al computer.",
            "Recomienda una afición para alguien que pasa todo el día delante del ordenador."),
     "r": L("Choose something that uses your hands and keeps you away from screens, such as pottery, woodworking or "
            "gardening. It rests your eyes and gives you the satisfaction of making something real.",
            "选一个需要动手、又能让你远离屏幕的爱好，比如陶艺、木工或园艺。这样既能让眼睛休息，又能体会亲手做出实物的满足感。",
            "도예나 목공, 원예처럼 손을 쓰면서 화면에서 멀어질 수 있는 취미를 골라 보세요. 눈도 쉴 수 있고 손으로 직접 "
            "무언가를 만드는 뿌듯함도 느낄 수 있습니다.",
            "Scegli qualcosa che impegni le mani e ti tenga lontano dagli schermi, come la ceramica, la lavorazione del "
            "legno o il giardinaggio. Riposa gli occhi e dà la soddisfazione di creare qualcosa di concreto.",
            "Elige algo que te haga usar las manos y te aleje de las pantallas, como la cerámica, la carpintería o la "
            "jardinería. Descansa la vista y da la satisfacción de crear algo real.")},
    {"q": L("My bathroom has almost no daylight. What plant would you recommend for it?",
            "我家浴室几乎没有自然光。你推荐放什么植物？",
            "우리 집 욕실에는 햇빛이 거의 들지 않아요. 어떤 식물을 추천하시나요?",
            "Il mio bagno non ha quasi luce naturale. Che pianta mi consiglieresti?",
            "Mi baño casi no tiene luz natural. ¿Qué planta me recomendarías?"),
     "r": L("A snake plant or a pothos is a good choice, because both cope with low light and enjoy the damp air of a "
            "bathroom. Water them only when the soil has dried out.",
            "虎尾兰或绿萝都是不错的选择，它们都耐阴，也喜欢浴室里潮湿的空气。等土干透了再浇水就行。",
            "산세베리아나 스킨답서스가 좋습니다. 둘 다 빛이 적어도 잘 견디고 욕실의 습한 공기를 좋아합니다. 흙이 말랐을 "
            "때만 물을 주세요.",
            "Una sansevieria o un potos sono una buona scelta, perché sopportano la poca luce e amano l'aria umida del "
            "bagno. Annaffiali solo quando il terriccio è asciutto.",
            "Una sansevieria o un potus son buenas opciones, porque toleran la poca luz y les gusta el aire húmedo del "
            "baño. Riégalas solo cuando la tierra se haya secado.")},
    {"q": L("I have one free evening in a city I've never visited. What would you recommend doing?",
            "我在一个从没去过的城市里有一个空闲的晚上。你推荐我做些什么？",
            "처음 가 보는 도시에서 자유로운 저녁이 하루 있어요. 무엇을 하면 좋을까요?",
            "Ho una serata libera in una città che non ho mai visitato. Cosa mi consiglieresti di fare?",
            "Tengo una tarde libre en una ciudad que no conozco. ¿Qué me recomiendas hacer?"),
     "r": L("Walk through the old town as the lights come on, then have dinner at a small place the locals like rather "
            "than a tourist restaurant. If you still have energy, finish the night at a viewpoint.",
            "趁华灯初上时去老城区走走，然后找一家当地人喜欢的小馆子吃晚饭，别去游客餐厅。如果还有精力，就去一个观景点结束这个夜晚。",
            "불빛이 켜질 무렵 구시가지를 걸어 보고, 관광객용 식당 대신 현지인이 즐겨 찾는 작은 식당에서 저녁을 드세요. "
            "힘이 남아 있다면 전망 좋은 곳에서 밤을 마무리하세요.",
            "Passeggia per il centro storico mentre si accendono le luci, poi cena in un localino amato dalla gente del "
            "posto invece che in un ristorante turistico. Se hai ancora energie, chiudi la serata in un belvedere.",
            "Pasea por el casco antiguo cuando se encienden las luces y luego cena en algún sitio pequeño que guste a la "
            "gente del lugar, no en un restaurante para turistas. Si aún tienes energía, termina la noche en un mirador.")},
    {"q": L("What kind of music would you recommend for unwinding after a stressful day?",
            "忙碌紧张了一天之后，你推荐听什么样的音乐来放松？",
            "스트레스 많은 하루를 보낸 뒤 긴장을 풀려면 어떤 음악을 추천하시나요?",
            "Che genere di musica consiglieresti per rilassarsi dopo una giornata stressante?",
            "¿Qué tipo de música recomiendas para relajarse después de un día estresante?"),
     "r": L("Slow instrumental music, such as soft piano, classical guitar or gentle ambient sounds, works well for many "
            "people. Without lyrics, your mind can rest instead of following the words.",
            "对很多人来说，舒缓的器乐很有效，比如轻柔的钢琴曲、古典吉他或柔和的氛围音乐。没有歌词，大脑就不用跟着词走，可以好好休息。",
            "잔잔한 피아노나 클래식 기타, 부드러운 앰비언트 음악 같은 느린 연주곡이 많은 사람에게 효과가 있습니다. "
            "가사가 없으면 머리가 가사를 따라가지 않고 쉴 수 있습니다.",
            "La musica strumentale lenta, come il pianoforte dolce, la chitarra classica o suoni ambient delicati, "
            "funziona bene per molte persone. Senza parole, la mente può riposare invece di seguire il testo.",
            "La música instrumental lenta, como el piano suave, la guitarra clásica o sonidos ambientales tranquilos, "
            "funciona bien para mucha gente. Sin letra, la mente puede descansar en vez de seguir las palabras.")},
    {"q": L("Which language would you recommend learning before travelling around South America?",
            "去南美洲旅行之前，你推荐学哪种语言？",
            "남아메리카를 여행하기 전에 어떤 언어를 배우는 것이 좋을까요?",
            "Quale lingua consiglieresti di imparare prima di viaggiare in Sud America?",
            "¿Qué idioma recomiendas aprender antes de viajar por Sudamérica?"),
     "r": L("Spanish is the most useful choice, since it is spoken in almost every country there. The big exception is "
            "Brazil, where people speak Portuguese, which is easier to pick up once you know Spanish.",
            "西班牙语最实用，因为那里几乎每个国家都说西班牙语。最大的例外是巴西，那里说葡萄牙语；不过学会西班牙语之后，葡萄牙语也更容易上手。",
            "스페인어가 가장 유용합니다. 그곳 대부분의 나라에서 쓰이기 때문입니다. 가장 큰 예외는 포르투갈어를 쓰는 "
            "브라질인데, 스페인어를 알면 포르투갈어도 더 쉽게 익힐 수 있습니다.",
            "Lo spagnolo è la scelta più utile, perché si parla in quasi tutti i paesi della zona. La grande eccezione è "
            "il Brasile, dove si parla portoghese, che è più facile da imparare se sai già lo spagnolo.",
            "El español es la opción más útil, porque se habla en casi todos los países de allí. La gran excepción es "
            "Brasil, donde se habla portugués, que resulta más fácil de aprender si ya sabes español.")},
    {"q": L("My eight-year-old wants to start a sport. Which one would you recommend?",
            "我八岁的孩子想开始学一项运动。你推荐哪一项？",
            "여덟 살 아이가 운동을 시작하고 싶어 해요. 어떤 운동을 추천하시나요?",
            "Mio figlio di otto anni vuole iniziare uno sport. Quale mi consiglieresti?",
            "Mi hijo de ocho años quiere empezar un deporte. ¿Cuál me recomiendas?"),
     "r": L("Football or basketball are great if your child enjoys being with others, as they build fitness and "
            "friendships. For a quieter child, a martial art like judo teaches balance, discipline and confidence.",
            "如果孩子喜欢和别人一起玩，足球或篮球都很好，既能锻炼身体又能交朋友。如果孩子比较安静，柔道这样的武术能培养平衡感、纪律性和自信心。",
            "아이가 다른 아이들과 어울리기를 좋아한다면 축구나 농구가 좋습니다. 체력도 기르고 친구도 사귈 수 있으니까요. "
            "조용한 아이라면 유도 같은 무술이 균형 감각과 절제력, 자신감을 길러 줍니다.",
            "Il calcio o la pallacanestro sono ottimi se a tuo figlio piace stare con gli altri, perché sviluppano forma "
            "fisica e amicizie. Per un bambino più tranquillo, un'arte marziale come il judo insegna equilibrio, "
            "disciplina e fiducia in sé.",
            "El fútbol o el baloncesto son geniales si a tu hijo le gusta estar con otros niños, porque mejoran la forma "
            "física y ayudan a hacer amigos. Para un niño más tranquilo, un arte marcial como el judo enseña equilibrio, "
            "disciplina y confianza.")},
])


# --- plan_day: a simple plan for a day, in prose ------------------------------------------------------
template("plan_day", [OWN], ANSWER, [
    {"q": L("Plan a relaxing Sunday at home for someone who is tired after a busy week.",
            "为一个忙碌了一周、感到很累的人安排一个在家放松的星期天。",
            "바쁜 한 주를 보내고 지친 사람을 위해 집에서 쉬는 일요일 계획을 세워 주세요.",
            "Organizza una domenica rilassante a casa per chi è stanco dopo una settimana impegnativa.",
            "Planea un domingo tranquilo en casa para alguien que está cansado después de una semana muy ocupada."),
     "r": L("Sleep in without an alarm, then enjoy a slow breakfast and a short walk in the fresh air. Spend the "
            "afternoon with a book or a film, cook something simple for dinner, and go to bed early.",
            "不定闹钟，睡到自然醒，然后慢慢吃顿早餐，出门呼吸一下新鲜空气，散散步。下午看看书或电影，晚饭做点简单的，然后早点睡觉。",
            "알람 없이 푹 자고 일어나 여유롭게 아침을 먹은 뒤 바깥 공기를 마시며 잠깐 산책하세요. 오후에는 책이나 영화를 "
            "보고, 저녁은 간단히 만들어 먹은 다음 일찍 잠자리에 드세요.",
            "Dormi senza sveglia, poi goditi una colazione con calma e una breve passeggiata all'aria aperta. Passa il "
            "pomeriggio con un libro o un film, prepara una cena semplice e vai a letto presto.",
            "Duerme sin despertador, luego disfruta de un desayuno sin prisas y de un paseo corto al aire libre. Pasa la "
            "tarde con un libro o una película, prepara una cena sencilla y acuéstate temprano.")},
    {"q": L("My parents are visiting for one day, and they love food and history. How should we spend it?",
            "我父母要来玩一天，他们喜欢美食和历史。我们该怎么安排？",
            "부모님이 하루 놀러 오시는데, 맛있는 음식과 역사를 좋아하세요. 하루를 어떻게 보내면 좋을까요?",
            "I miei genitori vengono a trovarmi per un giorno e amano il buon cibo e la storia. Come potremmo passarlo?",
            "Mis padres vienen a verme un día y les encantan la comida y la historia. ¿Cómo lo podemos pasar?"),
     "r": L("Start with a guided walk through the oldest part of town in the morning, then have lunch at a "
            "traditional restaurant. Visit the local museum in the afternoon and finish with a relaxed dinner at home.",
            "上午先参加一个导览，逛逛城里最古老的街区，中午去一家传统餐厅吃饭。下午参观当地的博物馆，晚上在家轻松地吃顿晚饭。",
            "오전에는 가이드와 함께 도시에서 가장 오래된 동네를 걸어 보고, 점심은 전통 음식점에서 드세요. 오후에는 "
            "지역 박물관을 둘러보고, 저녁은 집에서 편안하게 먹으며 하루를 마무리하세요.",
            "Al mattino fate una visita guidata nella parte più antica della città, poi pranzate in una trattoria "
            "tradizionale. Nel pomeriggio visitate il museo locale e concludete con una cena tranquilla a casa.",
            "Por la mañana haced una visita guiada por la parte más antigua de la ciudad y luego comed en un restaurante "
            "tradicional. Por la tarde visitad el museo local y terminad con una cena tranquila en casa.")},
    {"q": L("Plan a fun summer day for two kids aged six and nine.", "为两个分别是六岁和九岁的孩子安排一个有趣的夏日。",
            "여섯 살, 아홉 살 두 아이를 위한 즐거운 여름날 계획을 세워 주세요.",
            "Organizza una divertente giornata estiva per due bambini di sei e nove anni.",
            "Planea un día de verano divertido para dos niños de seis y nueve años."),
     "r": L("Go to a park or a lake in the morning while it is still cool, and bring lunch with you. In the afternoon "
            "do something calm indoors, like baking biscuits, and end the day with an ice cream walk.",
            "趁上午还凉快去公园或湖边玩，带上午饭。下午在家里做些安静的事，比如烤饼干，傍晚出去散散步、吃个冰淇淋，结束这一天。",
            "아직 선선한 오전에는 도시락을 싸서 공원이나 호숫가에 가세요. 오후에는 쿠키 굽기처럼 실내에서 차분한 "
            "활동을 하고, 저녁에는 아이스크림을 먹으며 산책하는 것으로 하루를 마무리하세요.",
            "Al mattino, finché è fresco, andate al parco o al lago portandovi il pranzo. Nel pomeriggio fate qualcosa "
            "di tranquillo in casa, come preparare dei biscotti, e chiudete la giornata con una passeggiata e un gelato.",
            "Por la mañana, mientras aún hace fresco, id a un parque o a un lago y llevad la comida. Por la tarde haced "
            "algo tranquilo en casa, como hornear galletas, y terminad el día con un paseo y un helado.")},
    {"q": L("I'm moving house on Saturday. Help me plan the day.", "我星期六要搬家。帮我安排一下这一天。",
            "토요일에 이사를 해요. 하루 계획 세우는 것을 도와주세요.",
            "Sabato trasloco. Aiutami a organizzare la giornata.", "El sábado me mudo de casa. Ayúdame a planear el día."),
     "r": L("Start early and load the heaviest furniture first, while everyone still has energy. Keep one box with the "
            "kettle, snacks, chargers and toilet paper close at hand, and make the beds before you unpack anything else.",
            "早点开始，趁大家还有力气，先搬最重的家具。准备一个箱子放水壶、零食、充电器和卫生纸，放在手边；在拆其他东西之前先把床铺好。",
            "모두 기운이 있을 때 일찍 시작해서 가장 무거운 가구부터 실으세요. 전기 주전자, 간식, 충전기, 화장지를 넣은 "
            "상자 하나는 가까이 두고, 다른 짐을 풀기 전에 침대부터 정리해 두세요.",
            "Comincia presto e carica per primi i mobili più pesanti, finché tutti hanno ancora energie. Tieni a portata "
            "di mano una scatola con bollitore, snack, caricabatterie e carta igienica, e prepara i letti prima di "
            "disfare il resto.",
            "Empieza temprano y carga primero los muebles más pesados, mientras todos tienen energía. Ten a mano una caja "
            "con el hervidor, algo de comer, los cargadores y papel higiénico, y haz las camas antes de desempaquetar "
            "lo demás.")},
    {"q": L("Suggest a plan for a rainy day in a seaside town.", "为在海边小镇度过的一个雨天推荐一个安排。",
            "바닷가 마을에서 비 오는 날을 보낼 계획을 추천해 주세요.",
            "Proponi un programma per una giornata di pioggia in una cittadina di mare.",
            "Propón un plan para un día de lluvia en un pueblo costero."),
     "r": L("Spend the morning in the local aquarium or museum, then warm up with fish soup at a harbour café. In the "
            "afternoon put on a raincoat and walk along the beach, which is wonderfully empty in bad weather.",
            "上午去当地的水族馆或博物馆，中午在港口的小餐馆喝碗鱼汤暖暖身子。下午穿上雨衣去海滩散步，坏天气里的海滩空荡荡的，别有一番味道。",
            "오전에는 그 지역 수족관이나 박물관을 구경하고, 항구 앞 식당에서 생선 수프로 몸을 녹이세요. 오후에는 비옷을 "
            "입고 해변을 걸어 보세요. 궂은 날씨의 해변은 한적해서 정말 좋습니다.",
            "Passa la mattina all'acquario o al museo del posto, poi scaldati con una zuppa di pesce in un locale sul "
            "porto. Nel pomeriggio metti l'impermeabile e passeggia sulla spiaggia, che con il brutto tempo è "
            "meravigliosamente deserta.",
            "Pasa la mañana en el acuario o el museo del pueblo y luego entra en calor con una sopa de pescado en un bar "
            "del puerto. Por la tarde ponte el chubasquero y pasea por la playa, que con mal tiempo está "
            "maravillosamente vacía.")},
    {"q": L("Plan a one-day bike ride for a beginner.", "为一个骑行新手安排一次一日骑行。",
            "자전거 초보자를 위한 하루 자전거 여행 계획을 세워 주세요.",
            "Organizza un giro in bici di un giorno per un principiante.",
            "Planea una excursión en bici de un día para un principiante."),
     "r": L("Choose a flat route of about thirty kilometres, ideally along a river or a quiet cycle path. Start in the "
            "middle of the morning, stop for lunch halfway, and rest for a few minutes every hour.",
            "选一条三十公里左右的平坦路线，最好沿着河边或安静的自行车道。上午十点左右出发，半路停下来吃午饭，每骑一小时就休息几分钟。",
            "강변이나 한적한 자전거 도로를 따라가는 30킬로미터 정도의 평탄한 코스를 고르세요. 오전 중간쯤 출발해서 "
            "중간 지점에서 점심을 먹고, 한 시간마다 몇 분씩 쉬세요.",
            "Scegli un percorso pianeggiante di circa trenta chilometri, meglio se lungo un fiume o una pista ciclabile "
            "tranquilla. Parti a metà mattina, fermati a pranzo a metà strada e riposati qualche minuto ogni ora.",
            "Elige una ruta llana de unos treinta kilómetros, a ser posible junto a un río o por un carril bici "
            "tranquilo. Sal a media mañana, para a comer a mitad de camino y descansa unos minutos cada hora.")},
    {"q": L("I have Wednesday off and want to get things done without feeling stressed. How should I plan the day?",
            "我星期三休息，想把事情办完又不想太累。这一天该怎么安排？",
            "수요일에 쉬는데, 스트레스 받지 않으면서 할 일을 처리하고 싶어요. 하루를 어떻게 계획하면 좋을까요?",
            "Mercoledì ho un giorno libero e voglio sbrigare delle cose senza stressarmi. Come organizzo la giornata?",
            "El miércoles tengo el día libre y quiero hacer cosas sin agobiarme. ¿Cómo organizo el día?"),
     "r": L("First thing in the morning, do the one task you keep putting off, such as paperwork or a phone call. After "
            "lunch tidy just one room, then keep the evening free for something you enjoy.",
            "早上一起来，就先处理那件你一直拖着没做的事，比如填表格或打个电话。午饭后只收拾一个房间，晚上留给自己做喜欢的事。",
            "아침에 서류 정리나 전화처럼 계속 미뤄 온 일 하나를 가장 먼저 끝내세요. 점심을 먹고 나서는 방 하나만 "
            "정리하고, 저녁은 좋아하는 일을 하도록 비워 두세요.",
            "Appena alzato, sbriga la cosa che continui a rimandare, come delle pratiche o una telefonata. Dopo pranzo "
            "riordina una sola stanza e lascia la sera libera per qualcosa che ti piace.",
            "Nada más levantarte, haz la tarea que sigues aplazando, como un trámite o una llamada. Después de comer "
            "ordena solo una habitación y deja la tarde libre para algo que te guste.")},
    {"q": L("Plan a birthday day out for my best friend, who loves nature and good coffee.",
            "我最好的朋友喜欢大自然和好咖啡。帮我为她安排一天的生日出游。",
            "자연과 맛있는 커피를 좋아하는 가장 친한 친구를 위해 생일 나들이 계획을 세워 주세요.",
            "Organizza una giornata fuori per il compleanno della mia migliore amica, che ama la natura e il buon caffè.",
            "Planea un día de cumpleaños para mi mejor amiga, a la que le encantan la naturaleza y el buen café."),
     "r": L("Begin with breakfast at a cosy café, then drive to a nearby forest or lake for a gentle walk. Bring a "
            "flask of good coffee and some cake, and end the day with dinner somewhere with a view.",
            "先在一家温馨的咖啡馆吃早餐，然后开车去附近的森林或湖边轻松散步。带上一保温瓶好咖啡和一些蛋糕，最后找一家风景好的餐厅吃晚饭。",
            "아늑한 카페에서 아침을 먹고 가까운 숲이나 호숫가로 가서 가볍게 산책하세요. 맛있는 커피를 담은 보온병과 "
            "케이크를 챙기고, 경치 좋은 곳에서 저녁을 먹으며 하루를 마무리하세요.",
            "Iniziate con la colazione in un bar accogliente, poi andate in macchina in un bosco o su un lago vicino per "
            "una passeggiata tranquilla. Portate un thermos di buon caffè e una torta, e chiudete con una cena con vista.",
            "Empezad con un desayuno en una cafetería acogedora y luego id en coche a un bosque o un lago cercano para "
            "dar un paseo tranquilo. Llevad un termo de buen café y algo de tarta, y terminad con una cena con vistas.")},
])


# --- describe_place: a short description of a place or scene -------------------------------------
template("describe_place", [OWN], ANSWER, [
    {"q": L("Describe a busy morning market in a few sentences.", "用几句话描写一个热闹的早市。",
            "북적이는 아침 시장을 몇 문장으로 묘사해 주세요.", "Descrivi in poche frasi un mercato affollato al mattino.",
            "Describe en unas pocas frases un mercado lleno de gente por la mañana."),
     "r": L("Stalls are piled high with bright fruit, fresh fish and bunches of herbs, and sellers call out their "
            "prices. The air smells of bread and coffee, and shoppers squeeze between baskets, chatting as they go.",
            "摊位上堆满了鲜艳的水果、新鲜的鱼和一捆捆香草，小贩们大声吆喝着价钱。空气里飘着面包和咖啡的香味，买菜的人在篮筐之间挤来挤去，边走边聊。",
            "좌판마다 알록달록한 과일과 싱싱한 생선, 허브 다발이 수북이 쌓여 있고, 상인들은 큰 소리로 값을 외칩니다. "
            "공기에는 빵과 커피 냄새가 가득하고, 사람들은 바구니 사이를 비집고 다니며 이야기를 나눕니다.",
            "Le bancarelle sono piene di frutta colorata, pesce fresco e mazzi di erbe, e i venditori gridano i prezzi. "
            "L'aria profuma di pane e caffè, e la gente si fa strada tra le ceste chiacchierando.",
            "Los puestos están repletos de fruta de colores, pescado fresco y manojos de hierbas, y los vendedores "
            "pregonan sus precios. El aire huele a pan y a café, y la gente se abre paso entre las cestas charlando.")},
    {"q": L("What is Kyoto like? Describe it briefly.", "京都是个什么样的地方？简单描述一下。",
            "교토는 어떤 곳인가요? 간단히 묘사해 주세요.", "Com'è Kyoto? Descrivila brevemente.",
            "¿Cómo es Kioto? Descríbela brevemente."),
     "r": L("Kyoto is an old Japanese city full of wooden temples, quiet gardens and narrow streets with traditional "
            "teahouses. In spring and autumn the hills around it turn pink with cherry blossoms or red with maple leaves.",
            "京都是日本的一座古城，到处是木结构的寺庙、幽静的庭园和开着传统茶屋的小巷。春天和秋天，城市周围的山会被樱花染成粉色，或被枫叶染成红色。",
            "교토는 목조 사찰과 고요한 정원, 전통 찻집이 늘어선 좁은 골목으로 가득한 일본의 오래된 도시입니다. 봄과 "
            "가을이면 주변 산들이 벚꽃으로 분홍빛이 되거나 단풍으로 붉게 물듭니다.",
            "Kyoto è un'antica città giapponese piena di templi di legno, giardini silenziosi e viuzze con case da tè "
            "tradizionali. In primavera e in autunno le colline intorno si tingono di rosa per i ciliegi in fiore o di "
            "rosso per gli aceri.",
            "Kioto es una antigua ciudad japonesa llena de templos de madera, jardines silenciosos y callejuelas con "
            "casas de té tradicionales. En primavera y en otoño las colinas que la rodean se tiñen de rosa por los "
            "cerezos en flor o de rojo por los arces.")},
    {"q": L("Describe the Sahara Desert to someone who has never seen a desert.",
            "向一个从没见过沙漠的人描述一下撒哈拉沙漠。",
            "사막을 한 번도 본 적 없는 사람에게 사하라 사막을 설명해 주세요.",
            "Descrivi il deserto del Sahara a qualcuno che non ha mai visto un deserto.",
            "Describe el desierto del Sáhara a alguien que nunca ha visto un desierto."),
     "r": L("Imagine sand dunes as tall as buildings, stretching to the horizon in waves of gold and orange. The days "
            "are burning hot and silent, while the nights can be cold, with more stars than you have ever seen.",
            "想象一下，像楼房一样高的沙丘连绵起伏，一直延伸到天边，呈现出金色和橙色的波浪。白天酷热而寂静，夜晚却可能很冷，满天的星星比你见过的任何时候都多。",
            "건물만큼 높은 모래 언덕이 금빛과 주황빛 물결처럼 지평선까지 이어진다고 상상해 보세요. 낮은 타는 듯이 덥고 "
            "고요하지만, 밤에는 추울 수도 있고 하늘에는 평생 본 것보다 더 많은 별이 떠 있습니다.",
            "Immagina dune di sabbia alte come palazzi che si estendono fino all'orizzonte in onde dorate e arancioni. Le "
            "giornate sono torride e silenziose, mentre le notti possono essere fredde, con più stelle di quante tu ne "
            "abbia mai viste.",
            "Imagina dunas de arena tan altas como edificios que se extienden hasta el horizonte en olas doradas y "
            "naranjas. Los días son abrasadores y silenciosos, y las noches pueden ser frías, con más estrellas de las "
            "que hayas visto nunca.")},
    {"q": L("Describe a small mountain village in winter.", "描写一个冬天里的山间小村庄。",
            "겨울의 작은 산골 마을을 묘사해 주세요.", "Descrivi un piccolo paese di montagna d'inverno.",
            "Describe un pequeño pueblo de montaña en invierno."),
     "r": L("Snow covers the roofs of the wooden houses, and smoke rises from every chimney. The narrow streets are "
            "quiet, apart from children pulling sledges and the crunch of boots on frozen ground.",
            "白雪覆盖着木屋的屋顶，每根烟囱都冒着炊烟。狭窄的街道很安静，只有拉着雪橇的孩子们和靴子踩在冻土上发出的嘎吱声。",
            "나무집 지붕마다 눈이 덮여 있고 굴뚝마다 연기가 피어오릅니다. 좁은 골목은 고요하고, 썰매를 끄는 아이들과 "
            "언 땅을 밟는 장화 소리만 들립니다.",
            "La neve copre i tetti delle case di legno e da ogni comignolo sale il fumo. Le stradine sono silenziose, a "
            "parte i bambini che tirano gli slittini e lo scricchiolio degli scarponi sul terreno gelato.",
            "La nieve cubre los tejados de las casas de madera y de cada chimenea sale humo. Las callejuelas están en "
            "silencio, salvo por los niños que arrastran trineos y el crujido de las botas sobre el suelo helado.")},
    {"q": L("What does a big train station look like at rush hour? Describe it.", "大火车站在高峰时段是什么样子？描述一下。",
            "출퇴근 시간의 큰 기차역은 어떤 모습인가요? 묘사해 주세요.",
            "Com'è una grande stazione ferroviaria nell'ora di punta? Descrivila.",
            "¿Cómo es una gran estación de tren en hora punta? Descríbela."),
     "r": L("Crowds hurry across the hall, glancing at the departure boards and their phones. Announcements echo from "
            "the speakers, the coffee stand has a long queue, and every few minutes a new wave of people pours off a train.",
            "人群匆匆穿过大厅，一边看着发车时刻表，一边看手机。广播声在大厅里回荡，咖啡摊前排着长队，每隔几分钟就有一波新的人潮从列车上涌出来。",
            "사람들이 출발 안내판과 휴대폰을 번갈아 보며 바쁘게 대합실을 가로지릅니다. 스피커에서는 안내 방송이 울리고, "
            "커피 가판대 앞에는 줄이 길게 늘어서 있으며, 몇 분마다 열차에서 새로운 인파가 쏟아져 나옵니다.",
            "La folla attraversa di corsa l'atrio, guardando i tabelloni delle partenze e il telefono. Gli annunci "
            "rimbombano dagli altoparlanti, al bar c'è una lunga fila e ogni pochi minuti un treno riversa una nuova "
            "ondata di persone.",
            "La multitud cruza el vestíbulo a toda prisa, mirando los paneles de salidas y el móvil. Los avisos "
            "resuenan por los altavoces, en el puesto de café hay una larga cola y cada pocos minutos un tren deja "
            "salir una nueva oleada de gente.")},
    {"q": L("Imagine you are standing on a tropical beach at sunset. Describe the scene.",
            "想象你正站在日落时分的热带海滩上。描写一下眼前的景色。",
            "해 질 녘 열대의 해변에 서 있다고 상상하고, 그 풍경을 묘사해 주세요.",
            "Immagina di essere su una spiaggia tropicale al tramonto. Descrivi la scena.",
            "Imagina que estás en una playa tropical al atardecer. Describe la escena."),
     "r": L("The sky turns orange and pink as the sun sinks slowly into a calm sea. Palm trees sway in a warm breeze, "
            "small waves wash over the sand, and the first stars appear above the water.",
            "太阳慢慢沉入平静的海面，天空变成了橙色和粉色。棕榈树在温暖的微风中摇曳，细小的浪花拍打着沙滩，第一批星星出现在海面上空。",
            "해가 잔잔한 바다로 천천히 가라앉으면서 하늘이 주황빛과 분홍빛으로 물듭니다. 야자나무가 따뜻한 바람에 "
            "흔들리고, 작은 파도가 모래사장을 적시며, 바다 위로 첫 별들이 떠오릅니다.",
            "Il cielo si tinge di arancione e di rosa mentre il sole scende lentamente in un mare calmo. Le palme "
            "ondeggiano nella brezza tiepida, piccole onde lambiscono la sabbia e sull'acqua compaiono le prime stelle.",
            "El cielo se vuelve naranja y rosa mientras el sol se hunde despacio en un mar en calma. Las palmeras se "
            "mecen con la brisa cálida, pequeñas olas bañan la arena y sobre el agua aparecen las primeras estrellas.")},
    {"q": L("Describe Iceland in two or three sentences.", "用两三句话描述一下冰岛。", "아이슬란드를 두세 문장으로 묘사해 주세요.",
            "Descrivi l'Islanda in due o tre frasi.", "Describe Islandia en dos o tres frases."),
     "r": L("Iceland is a wild island of volcanoes, glaciers, black sand beaches and hot springs. In summer the sun "
            "barely sets, while in winter the long dark nights are sometimes lit up by the northern lights.",
            "冰岛是一座荒野般的岛屿，有火山、冰川、黑沙滩和温泉。夏天太阳几乎不落，冬天漫长的黑夜里有时会被北极光照亮。",
            "아이슬란드는 화산과 빙하, 검은 모래 해변, 온천이 있는 야생의 섬입니다. 여름에는 해가 거의 지지 않고, "
            "겨울의 길고 어두운 밤에는 가끔 오로라가 하늘을 밝힙니다.",
            "L'Islanda è un'isola selvaggia di vulcani, ghiacciai, spiagge di sabbia nera e sorgenti calde. D'estate il "
            "sole quasi non tramonta, mentre d'inverno le lunghe notti buie sono a volte illuminate dall'aurora boreale.",
            "Islandia es una isla salvaje de volcanes, glaciares, playas de arena negra y aguas termales. En verano el "
            "sol apenas se pone, y en invierno las largas noches oscuras a veces se iluminan con la aurora boreal.")},
    {"q": L("Describe what it feels like to sit in a quiet library on a winter afternoon.",
            "描写一下冬日午后坐在安静的图书馆里是什么感觉。",
            "겨울 오후에 조용한 도서관에 앉아 있는 느낌을 묘사해 주세요.",
            "Descrivi cosa si prova a stare seduti in una biblioteca silenziosa in un pomeriggio d'inverno.",
            "Describe qué se siente al estar sentado en una biblioteca silenciosa una tarde de invierno."),
     "r": L("The room is warm and still, and the only sounds are pages turning and the soft tap of a keyboard. Grey "
            "light comes through the tall windows, and time seems to move more slowly than outside.",
            "屋里温暖而安静，只听得见翻书声和轻轻的键盘敲击声。灰白的光线从高高的窗户透进来，时间仿佛比外面过得慢。",
            "실내는 따뜻하고 고요해서 책장 넘기는 소리와 조용히 키보드를 두드리는 소리만 들립니다. 높은 창으로 잿빛 "
            "햇살이 들어오고, 시간이 바깥보다 천천히 흐르는 것 같습니다.",
            "La sala è calda e immobile, e gli unici suoni sono le pagine che si girano e il leggero ticchettio di una "
            "tastiera. Dalle finestre alte entra una luce grigia e il tempo sembra scorrere più lentamente che fuori.",
            "La sala está cálida y en calma, y solo se oyen las páginas al pasar y el suave tecleo de un ordenador. Por "
            "los ventanales entra una luz gris y el tiempo parece pasar más despacio que fuera.")},
])


# --- example_of: one example, and why it fits ------------------------------------------------------
template("example_of", [OWN], ANSWER, [
    {"q": L("Give me an example of a metaphor.", "给我举一个隐喻的例子。", "은유의 예를 하나 들어 주세요.",
            "Fammi un esempio di metafora.", "Dame un ejemplo de metáfora."),
     "r": L("\"Time is a thief\" is a metaphor. It does not say that time is like a thief, it says time is one, "
            "suggesting that time quietly takes things away from us.",
            "“时间是小偷”就是一个隐喻。它没有说时间像小偷，而是直接说时间就是小偷，暗示时间会悄悄地从我们身边带走东西。",
            "\"시간은 도둑이다\"가 은유의 예입니다. 시간이 도둑 같다고 하지 않고 시간이 곧 도둑이라고 말함으로써, 시간이 "
            "우리에게서 무언가를 조용히 빼앗아 간다는 뜻을 전합니다.",
            "\"Il tempo è un ladro\" è una metafora. Non dice che il tempo è come un ladro, dice che lo è, per suggerire "
            "che il tempo ci porta via le cose in silenzio.",
            "\"El tiempo es un ladrón\" es una metáfora. No dice que el tiempo sea como un ladrón, sino que lo es, para "
            "sugerir que el tiempo nos quita cosas sin que nos demos cuenta.")},
    {"q": L("What is an example of a renewable source of energy?", "可再生能源有哪些例子？举一个就好。",
            "재생 에너지원의 예를 하나 들어 줄 수 있나요?", "Qual è un esempio di fonte di energia rinnovabile?",
            "¿Cuál es un ejemplo de fuente de energía renovable?"),
     "r": L("Wind power is a good example. Wind turbines turn moving air into electricity, and the wind keeps blowing "
            "no matter how much of it we use.",
            "风能就是一个很好的例子。风力发电机把流动的空气转化为电能，而且不管我们用了多少，风还是会一直吹。",
            "풍력이 좋은 예입니다. 풍력 발전기는 움직이는 공기를 전기로 바꾸며, 우리가 아무리 많이 써도 바람은 계속 "
            "붑니다.",
            "L'energia eolica è un buon esempio. Le turbine trasformano l'aria in movimento in elettricità, e il vento "
            "continua a soffiare per quanto ne usiamo.",
            "La energía eólica es un buen ejemplo. Los aerogeneradores convierten el aire en movimiento en electricidad, "
            "y el viento sigue soplando por mucho que lo usemos.")},
    {"q": L("At a party I never know what to say to strangers. Give me an example of a good opening question.",
            "在聚会上我总不知道该和陌生人说什么。给我举一个好的开场问题。",
            "파티에서 처음 보는 사람에게 무슨 말을 해야 할지 모르겠어요. 대화를 시작하기 좋은 질문의 예를 들어 주세요.",
            "Alle feste non so mai cosa dire agli sconosciuti. Fammi un esempio di una buona domanda per iniziare.",
            "En las fiestas nunca sé qué decir a los desconocidos. Dame un ejemplo de una buena pregunta para empezar."),
     "r": L("You could ask, \"How do you know the host?\" It is easy to answer, shows interest in the other person, and "
            "often leads to stories that keep the conversation going.",
            "你可以问：“你和主人是怎么认识的？”这个问题容易回答，能表现出你对对方的兴趣，还常常会引出一些故事，让谈话继续下去。",
            "\"주인과는 어떻게 아는 사이세요?\"라고 물어보세요. 대답하기 쉽고 상대에게 관심을 보여 주며, 대화를 이어 "
            "갈 이야깃거리로 이어지는 경우가 많습니다.",
            "Potresti chiedere: \"Come conosci il padrone di casa?\" È facile rispondere, mostra interesse per l'altra "
            "persona e spesso porta a racconti che tengono viva la conversazione.",
            "Podrías preguntar: \"¿De qué conoces al anfitrión?\" Es fácil de responder, muestra interés por la otra "
            "persona y a menudo lleva a anécdotas que mantienen viva la conversación.")},
    {"q": L("What's an example of a simple way to use less electricity at home?", "举一个在家里省电的简单方法。",
            "집에서 전기를 덜 쓰는 간단한 방법의 예를 들어 주세요.",
            "Fammi un esempio di un modo semplice per consumare meno elettricità in casa.",
            "Dame un ejemplo de una forma sencilla de gastar menos electricidad en casa."),
     "r": L("Switching devices off at the plug instead of leaving them on standby is a simple example. Televisions, "
            "chargers and game consoles keep using power even when they are not in use.",
            "一个简单的例子是：把电器的插头拔掉，而不是让它们处于待机状态。电视、充电器和游戏机即使不用也会一直耗电。",
            "기기를 대기 상태로 두지 말고 플러그를 뽑아 두는 것이 간단한 예입니다. 텔레비전, 충전기, 게임기는 쓰지 "
            "않을 때도 계속 전기를 씁니다.",
            "Un esempio semplice è spegnere gli apparecchi dalla presa invece di lasciarli in standby. Televisori, "
            "caricabatterie e console continuano a consumare anche quando non si usano.",
            "Un ejemplo sencillo es desenchufar los aparatos en lugar de dejarlos en espera. Los televisores, los "
            "cargadores y las videoconsolas siguen gastando electricidad aunque no se usen.")},
    {"q": L("Give me an example of onomatopoeia.", "给我举一个拟声词的例子。", "의성어의 예를 하나 들어 주세요.",
            "Fammi un esempio di onomatopea.", "Dame un ejemplo de onomatopeya."),
     "r": L("\"Buzz\" is an example of onomatopoeia, because the word sounds like the noise a bee makes. Other "
            "examples are \"splash\", \"bang\" and \"meow\".",
            "“嗡嗡”就是一个拟声词，因为它听起来就像蜜蜂发出的声音。其他例子还有“扑通”、“砰”和“喵”。",
            "\"윙윙\"은 의성어의 예입니다. 벌이 내는 소리를 흉내 낸 말이기 때문입니다. 그 밖에 \"첨벙\", \"쾅\", \"야옹\" "
            "같은 말도 있습니다.",
            "\"Bzz\" è un esempio di onomatopea, perché la parola imita il rumore di un'ape. Altri esempi sono "
            "\"splash\", \"bum\" e \"miao\".",
            "\"Bzzz\" es un ejemplo de onomatopeya, porque la palabra imita el ruido que hace una abeja. Otros ejemplos "
            "son \"plaf\", \"pum\" y \"miau\".")},
    {"q": L("What is an example of a food that is high in protein but cheap?", "举一个蛋白质含量高又便宜的食物。",
            "단백질이 많으면서도 값이 싼 음식의 예를 들어 주세요.",
            "Qual è un esempio di cibo ricco di proteine ma economico?",
            "¿Qué alimento rico en proteínas y barato me puedes poner como ejemplo?"),
     "r": L("Lentils are a good example. A cup of cooked lentils has about eighteen grams of protein, and they are also "
            "rich in fibre and cost very little.",
            "小扁豆就是个好例子。一杯煮熟的小扁豆约含十八克蛋白质，还富含膳食纤维，而且价格很便宜。",
            "렌틸콩이 좋은 예입니다. 익힌 렌틸콩 한 컵에는 단백질이 약 18그램 들어 있고, 식이 섬유도 풍부하며 값도 "
            "아주 쌉니다.",
            "Le lenticchie sono un buon esempio. Una tazza di lenticchie cotte contiene circa diciotto grammi di "
            "proteine, sono ricche di fibre e costano pochissimo.",
            "Las lentejas son un buen ejemplo. Una taza de lentejas cocidas tiene unos dieciocho gramos de proteína, "
            "además son ricas en fibra y cuestan muy poco.")},
    {"q": L("Give me an example of a sentence that uses \"although\".", "用“虽然”造一个句子作为例子。",
            "\"비록\"을 넣은 문장의 예를 하나 들어 주세요.", "Fammi un esempio di frase con \"sebbene\".",
            "Dame un ejemplo de frase con \"aunque\"."),
     "r": L("\"Although it was raining, we went for a walk by the river.\" The word introduces a fact that makes the "
            "rest of the sentence a little surprising.",
            "“虽然下着雨，我们还是去河边散了步。”“虽然”引出一个事实，让句子后半部分显得有些出人意料。",
            "\"비록 비가 오고 있었지만 우리는 강가로 산책을 나갔다.\" \"비록\"은 뒤에 이어지는 내용이 조금 뜻밖이라는 "
            "느낌을 줍니다.",
            "\"Sebbene piovesse, siamo andati a fare una passeggiata lungo il fiume.\" La parola introduce un fatto che "
            "rende un po' sorprendente il resto della frase.",
            "\"Aunque llovía, fuimos a dar un paseo junto al río.\" La palabra introduce un hecho que hace que el resto "
            "de la frase resulte un poco sorprendente.")},
    {"q": L("Give me an example of a polite way to turn down an invitation.", "举一个礼貌地谢绝邀请的例子。",
            "초대를 정중하게 거절하는 말의 예를 들어 주세요.", "Fammi un esempio di un modo gentile per rifiutare un invito.",
            "Dame un ejemplo de una forma educada de rechazar una invitación."),
     "r": L("You could say: \"Thank you so much for inviting me, but I already have plans that evening. I hope you "
            "have a wonderful time!\"",
            "你可以这样说：“非常感谢你的邀请，不过那天晚上我已经有安排了。祝你们玩得开心！”",
            "이렇게 말할 수 있습니다: \"초대해 주셔서 정말 고마워요. 그런데 그날 저녁에는 이미 약속이 있어요. 즐거운 "
            "시간 보내세요!\"",
            "Potresti dire: \"Grazie mille per l'invito, ma quella sera ho già un impegno. Spero che vi divertiate "
            "tantissimo!\"",
            "Podrías decir: \"Muchísimas gracias por invitarme, pero esa noche ya tengo planes. ¡Espero que lo paséis "
            "genial!\"")},
])


# --- explain_how: the steps of a task, told in prose --------------------------------------------------
template("explain_how", [OWN], ANSWER, [
    {"q": L("Explain to a child how to tie a shoelace.", "给小孩子讲讲怎么系鞋带。", "아이에게 신발 끈 묶는 법을 설명해 주세요.",
            "Spiega a un bambino come allacciarsi le scarpe.", "Explícale a un niño cómo atarse los cordones."),
     "r": L("First cross the two laces and tuck one under the other to make a small knot. Then make a loop with one "
            "lace, wrap the other lace around it, push it through the hole and pull both loops tight.",
            "先把两根鞋带交叉，把一根从另一根下面穿过去，打一个小结。然后用一根鞋带绕一个圈，把另一根绕着这个圈缠一圈，从中间的洞里塞过去，再把两个圈拉紧。",
            "먼저 두 끈을 엇갈리게 놓고 한 끈을 다른 끈 밑으로 넣어 작은 매듭을 만들어요. 그다음 한 끈으로 고리를 "
            "만들고, 다른 끈을 그 둘레에 감아 구멍으로 밀어 넣은 뒤 두 고리를 꽉 당기면 돼요.",
            "Prima incrocia i due lacci e passa uno sotto l'altro per fare un piccolo nodo. Poi fai un'asola con un "
            "laccio, avvolgi l'altro laccio intorno, infilalo nel buco e tira bene tutte e due le asole.",
            "Primero cruza los dos cordones y pasa uno por debajo del otro para hacer un nudo pequeño. Luego haz un "
            "lazo con un cordón, rodéalo con el otro, mételo por el agujero y tira fuerte de los dos lazos.")},
    {"q": L("How do you fix a flat tyre on a bicycle?", "自行车爆胎了怎么修？", "자전거 펑크는 어떻게 수리하나요?",
            "Come si ripara una gomma bucata della bicicletta?", "¿Cómo se arregla una rueda pinchada de bicicleta?"),
     "r": L("Take the wheel off, use tyre levers to lift one side of the tyre off the rim, and pull out the inner tube. "
            "Put in a new or patched tube, push the tyre back on and pump it up.",
            "先把车轮卸下来，用撬胎棒把外胎的一边从轮圈上撬开，取出内胎。换上新的或补好的内胎，把外胎装回去，再打足气。",
            "바퀴를 빼낸 다음 타이어 레버로 타이어 한쪽을 림에서 들어 올리고 튜브를 꺼내세요. 새 튜브나 때운 튜브를 "
            "넣고 타이어를 다시 끼운 뒤 바람을 넣으면 됩니다.",
            "Smonta la ruota, usa le leve per staccare un lato del copertone dal cerchio ed estrai la camera d'aria. "
            "Inserisci una camera nuova o riparata, rimetti il copertone e gonfialo.",
            "Quita la rueda, usa los desmontables para sacar un lado de la cubierta de la llanta y extrae la cámara. "
            "Pon una cámara nueva o parcheada, vuelve a colocar la cubierta e ínflala.")},
    {"q": L("We want to plant an apple tree in our garden. Explain how to do it.",
            "我们想在院子里种一棵苹果树。说说该怎么种。",
            "마당에 사과나무를 심고 싶어요. 심는 방법을 설명해 주세요.",
            "Vogliamo piantare un melo in giardino. Spiegaci come fare.",
            "Queremos plantar un manzano en el jardín. Explícanos cómo hacerlo."),
     "r": L("Dig a hole twice as wide as the roots but no deeper, and loosen the soil at the bottom. Set the tree in, "
            "fill the hole with soil, press it down gently and water it well.",
            "挖一个宽度是根部两倍、但深度不超过根部的坑，把坑底的土松一松。把树放进去，填土，轻轻压实，然后浇透水。",
            "뿌리보다 두 배 넓되 더 깊지는 않게 구덩이를 파고, 바닥의 흙을 부드럽게 풀어 주세요. 나무를 세워 넣고 "
            "흙을 채운 다음 살살 눌러 주고 물을 흠뻑 주세요.",
            "Scava una buca larga il doppio delle radici ma non più profonda, e smuovi la terra sul fondo. Metti dentro "
            "l'albero, riempi la buca di terra, premila con delicatezza e annaffia abbondantemente.",
            "Cava un hoyo el doble de ancho que las raíces pero no más profundo, y afloja la tierra del fondo. Coloca el "
            "árbol, rellena el hoyo con tierra, apriétala con suavidad y riega bien.")},
    {"q": L("Walk me through creating a new email account.", "一步步教我注册一个新的电子邮箱账号。",
            "새 이메일 계정을 만드는 과정을 차근차근 알려 주세요.",
            "Guidami nella creazione di un nuovo account di posta elettronica.",
            "Explícame paso a paso cómo crear una cuenta de correo nueva."),
     "r": L("Choose an email provider, open its website or app and select the option to create an account. Pick an "
            "address and a strong password, add a phone number for recovery, and send yourself a test message.",
            "选一家邮箱服务商，打开它的网站或应用，选择注册新账号。设置一个邮箱地址和一个安全的密码，添加一个用于找回账号的手机号码，然后给自己发一封测试邮件。",
            "이메일 서비스를 하나 골라 웹사이트나 앱을 열고 계정 만들기를 선택하세요. 주소와 안전한 비밀번호를 정하고 "
            "계정 복구용 전화번호를 등록한 다음, 자신에게 시험 메일을 보내 보세요.",
            "Scegli un servizio di posta, apri il suo sito o la sua app e seleziona l'opzione per creare un account. "
            "Scegli un indirizzo e una password sicura, aggiungi un numero di telefono per il recupero e mandati un "
            "messaggio di prova.",
            "Elige un proveedor de correo, abre su web o su aplicación y selecciona la opción de crear una cuenta. Escoge "
            "una dirección y una contraseña segura, añade un número de teléfono para recuperarla y envíate un mensaje "
            "de prueba.")},
    {"q": L("How do I write a good cover letter for a job application?", "求职信怎么写才好？",
            "입사 지원용 자기소개서는 어떻게 써야 좋을까요?",
            "Come si scrive una buona lettera di presentazione per una candidatura?",
            "¿Cómo escribo una buena carta de presentación para un trabajo?"),
     "r": L("Open by naming the job and saying why it interests you. Then give one or two concrete examples of things "
            "you have done that match what they need, and close by thanking them and asking for an interview.",
            "开头写明你申请的职位，并说明它为什么吸引你。接着举一两个你做过的、符合对方需求的具体例子，最后表示感谢，并希望能获得面试机会。",
            "먼저 지원하는 직무를 밝히고 왜 관심이 있는지 적으세요. 그다음 회사가 원하는 바와 맞는 자신의 경험을 한두 "
            "가지 구체적으로 보여 주고, 감사 인사와 함께 면접 기회를 부탁하며 마무리하세요.",
            "Apri indicando il posto e spiegando perché ti interessa. Poi porta uno o due esempi concreti di cose che hai "
            "fatto e che corrispondono a ciò che cercano, e chiudi ringraziando e chiedendo un colloquio.",
            "Empieza nombrando el puesto y explicando por qué te interesa. Después da uno o dos ejemplos concretos de "
            "cosas que has hecho y que encajan con lo que buscan, y termina dando las gracias y pidiendo una entrevista.")},
    {"q": L("Explain how to fold a simple paper aeroplane.", "讲一讲怎么折一个简单的纸飞机。",
            "간단한 종이비행기 접는 법을 설명해 주세요.", "Spiega come si piega un semplice aeroplanino di carta.",
            "Explica cómo se dobla un avión de papel sencillo."),
     "r": L("Fold a sheet of paper in half lengthwise and open it again. Fold the two top corners to the centre line, "
            "fold the new edges to the centre once more, then fold it in half and bend down each side to make wings.",
            "把一张纸沿长边对折再打开。把上面两个角折到中线，再把新的两条边往中线折一次，然后沿中线对折，把两边各往下折出机翼。",
            "종이를 세로로 반 접었다가 다시 펴세요. 위쪽 두 모서리를 가운데 선에 맞춰 접고, 새로 생긴 가장자리를 한 번 "
            "더 가운데로 접은 뒤, 반으로 접고 양쪽을 아래로 꺾어 날개를 만드세요.",
            "Piega un foglio a metà nel senso della lunghezza e riaprilo. Porta i due angoli in alto sulla linea centrale, "
            "piega di nuovo i nuovi bordi verso il centro, poi piega il foglio a metà e abbassa i due lati per fare le ali.",
            "Dobla una hoja por la mitad a lo largo y ábrela otra vez. Lleva las dos esquinas de arriba a la línea "
            "central, dobla otra vez los nuevos bordes hacia el centro, luego dobla la hoja por la mitad y baja cada "
            "lado para formar las alas.")},
    {"q": L("How do you wash a wool jumper without ruining it?", "羊毛衫怎么洗才不会洗坏？",
            "울 스웨터는 망가지지 않게 어떻게 빨아야 하나요?", "Come si lava un maglione di lana senza rovinarlo?",
            "¿Cómo se lava un jersey de lana sin estropearlo?"),
     "r": L("Wash it by hand in cool water with a little wool detergent, squeezing gently instead of rubbing. Roll it "
            "in a towel to press out the water, then dry it flat, away from the heater, so it keeps its shape.",
            "用凉水加少量羊毛专用洗涤剂手洗，轻轻挤压，不要搓。用毛巾卷起来把水压出来，然后平铺晾干，远离暖气，这样才不会变形。",
            "울 전용 세제를 조금 푼 찬물에 손으로 빨되, 비비지 말고 살살 눌러 주세요. 수건으로 돌돌 말아 물기를 뺀 뒤, "
            "모양이 변하지 않도록 난방기에서 떨어진 곳에 평평하게 펴서 말리세요.",
            "Lavalo a mano in acqua fresca con un po' di detersivo per lana, strizzandolo piano invece di strofinarlo. "
            "Arrotolalo in un asciugamano per togliere l'acqua, poi fallo asciugare in piano, lontano dal termosifone, "
            "così mantiene la forma.",
            "Lávalo a mano en agua fría con un poco de detergente para lana, apretándolo con suavidad en vez de frotarlo. "
            "Enróllalo en una toalla para sacar el agua y sécalo en horizontal, lejos del radiador, para que no pierda "
            "la forma.")},
    {"q": L("I said something hurtful to a friend. Explain how to apologise properly.",
            "我对朋友说了伤人的话。告诉我怎样好好道歉。",
            "친구에게 상처 주는 말을 했어요. 제대로 사과하는 방법을 알려 주세요.",
            "Ho detto una cosa offensiva a un amico. Spiegami come scusarmi nel modo giusto.",
            "Le dije algo hiriente a un amigo. Explícame cómo pedirle perdón como es debido."),
     "r": L("Say clearly what you did wrong and that you are sorry, without adding excuses. Show that you understand "
            "how it made your friend feel, and tell them what you will do differently in future.",
            "清楚地说出自己哪里做错了，并表示歉意，不要找借口。让朋友知道你理解这件事给他带来的感受，并告诉他以后你会怎样改。",
            "변명을 덧붙이지 말고 무엇을 잘못했는지, 그리고 미안하다는 마음을 분명히 말하세요. 그 말이 친구에게 어떤 "
            "상처가 되었는지 이해한다는 것을 보여 주고, 앞으로 어떻게 달라질지도 이야기하세요.",
            "Di' chiaramente cosa hai sbagliato e che ti dispiace, senza aggiungere scuse. Mostra di capire come si è "
            "sentito il tuo amico e digli cosa farai di diverso in futuro.",
            "Di claramente qué hiciste mal y que lo sientes, sin añadir excusas. Demuestra que entiendes cómo se sintió "
            "tu amigo y dile qué harás de otra manera en el futuro.")},
])


# --- write_note: a short note, card, sign or caption ---------------------------------------------------
template("write_note", [OWN], ANSWER, [
    {"q": L("Write a short note to leave on my neighbour's door asking them to take in a parcel for me tomorrow.",
            "写一张留在邻居门上的小纸条，请他们明天帮我代收一个包裹。",
            "내일 택배를 대신 받아 달라고 이웃집 문에 붙여 둘 짧은 쪽지를 써 주세요.",
            "Scrivi un biglietto da lasciare sulla porta del mio vicino per chiedergli di ritirare un pacco per me domani.",
            "Escribe una nota para dejar en la puerta de mi vecino pidiéndole que mañana me recoja un paquete."),
     "r": L("Hello! I'm expecting a parcel tomorrow, but I'll be at work all day. Would you mind taking it in for me if "
            "the courier knocks? Thank you so much, Maria from flat 4.",
            "您好！我明天有一个包裹要到，但我一整天都在上班。如果快递员来敲门，能麻烦您帮我代收一下吗？非常感谢！4号的玛丽亚",
            "안녕하세요! 내일 택배가 올 예정인데 제가 하루 종일 회사에 있어요. 택배 기사님이 오시면 대신 받아 주실 수 "
            "있을까요? 정말 감사합니다. 4호 마리아 드림",
            "Buongiorno! Domani mi arriva un pacco, ma starò al lavoro tutto il giorno. Le dispiacerebbe ritirarlo per me "
            "se passa il corriere? Grazie mille, Maria dell'interno 4.",
            "¡Hola! Mañana me llega un paquete, pero estaré todo el día en el trabajo. ¿Le importaría recogerlo si llama "
            "el repartidor? Muchísimas gracias, María, del 4.º")},
    {"q": L("Write a birthday card message for my grandfather, who is turning eighty.",
            "我爷爷要过八十岁生日了，帮我写一段生日贺卡上的话。",
            "여든 번째 생신을 맞으시는 할아버지께 드릴 생신 카드 문구를 써 주세요.",
            "Scrivi un messaggio per il biglietto di compleanno di mio nonno, che compie ottant'anni.",
            "Escribe un mensaje para la tarjeta de cumpleaños de mi abuelo, que cumple ochenta años."),
     "r": L("Happy eightieth birthday, Grandpa! Thank you for all the stories, the patience and the love you have "
            "given us over the years. We hope today is as wonderful as you are.",
            "爷爷，祝您八十岁生日快乐！谢谢您这么多年来给我们讲的故事，谢谢您的耐心和爱。愿今天和您一样美好。",
            "할아버지, 여든 번째 생신 축하드려요! 오랜 세월 들려주신 이야기와 보여 주신 인내, 그리고 사랑에 감사드려요. "
            "오늘 하루가 할아버지처럼 멋진 날이 되길 바랍니다.",
            "Buon ottantesimo compleanno, nonno! Grazie per tutte le storie, la pazienza e l'affetto che ci hai dato in "
            "questi anni. Speriamo che oggi sia una giornata meravigliosa come te.",
            "¡Feliz ochenta cumpleaños, abuelo! Gracias por todas las historias, la paciencia y el cariño que nos has "
            "dado durante tantos años. Esperamos que hoy sea un día tan maravilloso como tú.")},
    {"q": L("A coworker broke her leg skiing. Write a short get-well note from the team.",
            "一位同事滑雪时摔断了腿。以团队的名义写一张简短的慰问卡。",
            "동료가 스키를 타다가 다리가 부러졌어요. 팀 이름으로 짧은 쾌유 카드를 써 주세요.",
            "Una collega si è rotta una gamba sciando. Scrivi un breve biglietto di pronta guarigione da parte della squadra.",
            "Una compañera se rompió una pierna esquiando. Escribe una nota breve de parte del equipo deseándole que se "
            "mejore."),
     "r": L("We were so sorry to hear about your leg! The office is much too quiet without you. Rest, take it easy, "
            "and let us know if you need anything. We can't wait to have you back.",
            "听说你腿受伤了，我们都很难过！没有你，办公室安静得过分了。好好休息，别着急，需要什么就告诉我们。大家都盼着你早日回来。",
            "다리를 다쳤다는 소식을 듣고 정말 마음이 아팠어요! 당신이 없으니 사무실이 너무 조용하네요. 푹 쉬고, 필요한 "
            "게 있으면 언제든 말해 주세요. 다시 돌아올 날을 손꼽아 기다릴게요.",
            "Ci è dispiaciuto tantissimo per la tua gamba! Senza di te l'ufficio è fin troppo silenzioso. Riposati, "
            "prenditela con calma e facci sapere se ti serve qualcosa. Non vediamo l'ora di riaverti con noi.",
            "¡Sentimos muchísimo lo de tu pierna! La oficina está demasiado tranquila sin ti. Descansa, tómatelo con "
            "calma y dinos si necesitas algo. Estamos deseando que vuelvas.")},
    {"q": L("Write a short sign for a shared office kitchen asking people to clean up after themselves.",
            "为公用的办公室厨房写一个简短的告示，请大家用完后自己收拾干净。",
            "공용 사무실 주방에 붙일, 사용 후 각자 뒷정리를 부탁하는 짧은 안내문을 써 주세요.",
            "Scrivi un breve cartello per la cucina comune dell'ufficio che chieda a tutti di pulire dopo l'uso.",
            "Escribe un cartel breve para la cocina compartida de la oficina pidiendo que cada uno recoja lo que usa."),
     "r": L("Please wash, dry and put away your dishes after use, and wipe the counter when you are done. A clean "
            "kitchen is a kitchen everyone can enjoy. Thank you!",
            "用完后请把餐具洗净、擦干、放回原处，并把台面擦干净。干净的厨房，大家用着都舒心。谢谢合作！",
            "사용한 그릇은 씻어서 물기를 닦고 제자리에 넣어 주시고, 다 쓰신 후에는 조리대도 닦아 주세요. 깨끗한 주방은 "
            "모두가 기분 좋게 쓸 수 있습니다. 감사합니다!",
            "Per favore, lavate, asciugate e rimettete a posto le stoviglie dopo l'uso, e pulite il piano di lavoro "
            "quando avete finito. Una cucina pulita è una cucina che tutti possono godersi. Grazie!",
            "Por favor, lava, seca y guarda tus platos después de usarlos, y limpia la encimera al terminar. Una cocina "
            "limpia es una cocina que todos pueden disfrutar. ¡Gracias!")},
    {"q": L("My cat has gone missing. Write a short notice I can put up in my street.",
            "我的猫走丢了。帮我写一张可以贴在街上的寻猫启事。",
            "고양이를 잃어버렸어요. 동네에 붙일 짧은 전단 문구를 써 주세요.",
            "Il mio gatto è scomparso. Scrivi un breve avviso da appendere nella mia via.",
            "Mi gato ha desaparecido. Escribe un aviso corto para colgar en mi calle."),
     "r": L("Lost cat! Milo is a small grey cat with white paws and a blue collar. He went missing on Tuesday near the "
            "park. If you see him, please call 555 0192. Thank you!",
            "寻猫启事！米洛是一只灰色的小猫，四只爪子是白色的，戴着蓝色项圈。它星期二在公园附近走失。如果您看到它，请拨打555 0192。谢谢！",
            "고양이를 찾습니다! 밀로는 하얀 발에 파란 목걸이를 한 작은 회색 고양이입니다. 화요일에 공원 근처에서 "
            "사라졌어요. 보시면 555 0192로 연락 주세요. 감사합니다!",
            "Cercasi gatto! Milo è un gattino grigio con le zampe bianche e un collare blu. È scomparso martedì vicino al "
            "parco. Se lo vedete, chiamate il 555 0192. Grazie!",
            "¡Se busca gato! Milo es un gato pequeño y gris, con las patas blancas y un collar azul. Desapareció el "
            "martes cerca del parque. Si lo ves, llama al 555 0192. ¡Gracias!")},
    {"q": L("Write a short welcome note for guests staying in my holiday flat.", "为住在我度假公寓的客人写一张简短的欢迎卡。",
            "우리 휴가용 숙소에 묵는 손님들을 위한 짧은 환영 메모를 써 주세요.",
            "Scrivi un breve biglietto di benvenuto per gli ospiti del mio appartamento per le vacanze.",
            "Escribe una nota breve de bienvenida para los huéspedes de mi apartamento vacacional."),
     "r": L("Welcome, and we hope you enjoy your stay! The wifi password is on the fridge, fresh towels are in the "
            "bathroom cupboard, and the bakery on the corner opens at seven. Call us if you need anything.",
            "欢迎入住，祝您住得愉快！无线网络密码贴在冰箱上，干净的毛巾在浴室的柜子里，街角的面包店早上七点开门。如有任何需要，请给我们打电话。",
            "환영합니다. 즐거운 시간 보내세요! 와이파이 비밀번호는 냉장고에 붙어 있고, 새 수건은 욕실 수납장에 있으며, "
            "모퉁이 빵집은 아침 7시에 문을 엽니다. 필요한 것이 있으면 언제든 전화 주세요.",
            "Benvenuti, vi auguriamo un piacevole soggiorno! La password del wifi è sul frigorifero, gli asciugamani "
            "puliti sono nell'armadietto del bagno e il forno all'angolo apre alle sette. Chiamateci per qualsiasi cosa.",
            "¡Bienvenidos y que disfrutéis de la estancia! La contraseña del wifi está en la nevera, las toallas limpias "
            "están en el armario del baño y la panadería de la esquina abre a las siete. Llamadnos si necesitáis algo.")},
    {"q": L("Write a fun caption for a photo of my dog playing in the snow.", "给我家狗狗在雪地里玩耍的照片配一句有趣的文字。",
            "눈밭에서 노는 우리 강아지 사진에 어울리는 재미있는 설명 문구를 써 주세요.",
            "Scrivi una didascalia divertente per una foto del mio cane che gioca sulla neve.",
            "Escribe un pie de foto divertido para una foto de mi perro jugando en la nieve."),
     "r": L("First snow of the year, and somebody could not be happier! Ten minutes of running in circles, one very "
            "wet dog, and absolutely no regrets.",
            "今年的第一场雪，有只狗狗简直乐疯了！转着圈跑了十分钟，浑身湿透，但一点也不后悔。",
            "올해 첫눈에 누군가는 세상에서 제일 신났어요! 빙글빙글 10분 달리기, 흠뻑 젖은 강아지 한 마리, 그리고 후회는 "
            "전혀 없음.",
            "Prima neve dell'anno, e qualcuno non potrebbe essere più felice! Dieci minuti di corse in tondo, un cane "
            "fradicio e zero rimpianti.",
            "¡Primera nevada del año y alguien no podría estar más feliz! Diez minutos corriendo en círculos, un perro "
            "empapado y ningún arrepentimiento.")},
    {"q": L("Write a short farewell message for a colleague who is moving abroad.", "给一位要出国定居的同事写一段简短的告别留言。",
            "해외로 떠나는 동료에게 짧은 작별 인사를 써 주세요.",
            "Scrivi un breve messaggio di saluto per un collega che si trasferisce all'estero.",
            "Escribe un breve mensaje de despedida para un compañero que se va a vivir al extranjero."),
     "r": L("It has been a real pleasure working with you, and we will miss your ideas and your laugh. Good luck with "
            "this exciting new adventure, and please stay in touch!",
            "和你共事真的很愉快，我们会想念你的好点子和你的笑声。祝你在这段精彩的新旅程中一切顺利，一定要保持联系！",
            "함께 일해서 정말 즐거웠어요. 당신의 아이디어와 웃음소리가 많이 그리울 거예요. 설레는 새 출발을 응원하니 "
            "꼭 연락하고 지내요!",
            "È stato davvero un piacere lavorare con te, e ci mancheranno le tue idee e la tua risata. In bocca al lupo "
            "per questa nuova avventura e resta in contatto!",
            "Ha sido un verdadero placer trabajar contigo, y echaremos de menos tus ideas y tu risa. ¡Mucha suerte en "
            "esta nueva aventura y no pierdas el contacto!")},
])
