import type { LanguageCode } from '@/lib/langs';

/**
 * Short news passages (one to three sentences) written for these tests, two per language on different
 * topics, so detection is checked on the kind of text people paste rather than on word lists.
 */
export const NEWS_SAMPLES: Record<LanguageCode, readonly string[]> = {
  en: [
    'The European Central Bank left interest rates unchanged on Thursday, saying inflation was easing more slowly than expected. Its president warned that energy prices remained a risk for the coming months.',
    'Heavy rain flooded several villages in the north of the country overnight, and rescue teams evacuated more than two hundred residents. Roads to the region will stay closed until Monday.',
  ],
  ru: [
    'Министр иностранных дел России Сергей Лавров заявил, что Москва не ведёт никаких тайных переговоров по Сирии. По его словам, подобные слухи направлены на то, чтобы подорвать межсирийский диалог.',
    'В Киеве в понедельник объявили воздушную тревогу, жителей призвали оставаться в укрытиях. Городские власти сообщили, что метро работает в режиме убежища.',
  ],
  uk: [
    'Міністр закордонних справ України заявив, що Київ розраховує на нові пакети допомоги від партнерів. За його словами, переговори з європейськими союзниками тривають щодня.',
    'У Києві в понеділок оголосили повітряну тривогу, мешканців закликали залишатися в укриттях. Міська влада повідомила, що метро працює в режимі укриття.',
  ],
  'zh-Hans': [
    '俄罗斯外交部长拉夫罗夫周一表示，俄罗斯没有就叙利亚问题与任何一方进行秘密谈判。他说，这类说法的目的是破坏叙利亚内部对话。',
    '受强降雨影响，南方多个城市的铁路和航班运营中断。气象部门预计，未来三天暴雨还将持续，提醒居民减少外出。',
  ],
  'zh-Hant': [
    '俄羅斯外交部長拉夫羅夫週一表示，俄羅斯沒有就敘利亞問題與任何一方進行秘密談判。他說，這類說法的目的是破壞敘利亞內部對話。',
    '受強降雨影響，南方多個城市的鐵路和航班營運中斷。氣象部門預計，未來三天暴雨還將持續，提醒居民減少外出。',
  ],
  hi: [
    'रूस के विदेश मंत्री सर्गेई लावरोव ने सोमवार को कहा कि रूस सीरिया को लेकर किसी भी पक्ष के साथ गुप्त बातचीत नहीं कर रहा है। उन्होंने कहा कि ऐसी अफवाहें सीरियाई संवाद को कमजोर करने की कोशिश हैं।',
    'मौसम विभाग ने अगले तीन दिनों तक उत्तर भारत में भारी बारिश की चेतावनी जारी की है। प्रशासन ने लोगों से नदियों के किनारे न जाने की अपील की है।',
  ],
  ja: [
    'ロシアのラブロフ外相は月曜日、シリア問題をめぐって秘密の交渉は行っていないと述べた。そのような報道はシリア人同士の対話を損なうものだと批判した。',
    '気象庁によると、台風は今夜から明日の朝にかけて九州に最も接近する見込みだ。鉄道各社は計画運休を発表した。',
  ],
  ar: [
    'قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن روسيا لا تجري أي مفاوضات سرية بشأن سوريا. وأضاف أن مثل هذه الأحاديث تهدف إلى تقويض الحوار السوري السوري.',
    'أعلنت وزارة الصحة عن افتتاح مستشفى جديد في العاصمة يضم أكثر من مئتي سرير. ومن المتوقع أن يخدم المستشفى سكان المناطق الجنوبية.',
  ],
  de: [
    'Der russische Außenminister Sergej Lawrow hat am Montag bestritten, dass Moskau geheime Verhandlungen über Syrien führt. Solche Berichte sollten nach seinen Worten den innersyrischen Dialog untergraben.',
    'Wegen eines Streiks bei der Bahn fallen am Mittwoch bundesweit zahlreiche Fernzüge aus. Reisende sollten sich vorab über Verbindungen informieren, teilte das Unternehmen mit.',
  ],
  fr: [
    'Le ministre russe des Affaires étrangères, Sergueï Lavrov, a affirmé lundi que la Russie ne menait aucune négociation secrète sur la Syrie. Selon lui, de telles rumeurs visent à saper le dialogue intersyrien.',
    "Les prix de l'énergie ont fortement baissé au mois de mars, selon les chiffres publiés mercredi par l'Insee. Le gouvernement espère une reprise de la consommation des ménages.",
  ],
  es: [
    'El ministro de Asuntos Exteriores ruso, Serguéi Lavrov, afirmó el lunes que Rusia no mantiene negociaciones secretas sobre Siria. Según él, esos rumores buscan socavar el diálogo entre los sirios.',
    'Las autoridades sanitarias recomendaron a la población evitar la exposición al sol durante las horas centrales del día. La ola de calor se prolongará al menos hasta el fin de semana.',
  ],
  it: [
    'Il ministro degli Esteri russo Sergej Lavrov ha dichiarato lunedì che la Russia non conduce alcun negoziato segreto sulla Siria. Secondo Lavrov, queste voci mirano a indebolire il dialogo tra i siriani.',
    'Il governo ha approvato ieri sera il decreto sulle bollette, che prevede aiuti per le famiglie con redditi più bassi. Le misure entreranno in vigore dal primo luglio.',
  ],
  pt: [
    'O ministro das Relações Exteriores da Rússia, Serguei Lavrov, afirmou na segunda-feira que o país não conduz negociações secretas sobre a Síria. Segundo ele, esses rumores tentam minar o diálogo entre os sírios.',
    'A seleção brasileira venceu a partida de ontem por dois gols a zero e garantiu a vaga nas quartas de final. O técnico elogiou a atuação da defesa.',
  ],
  ko: [
    '세르게이 라브로프 러시아 외무장관은 월요일 러시아가 시리아 문제와 관련해 어떤 비밀 협상도 하지 않고 있다고 밝혔다. 그는 이러한 주장이 시리아 내부 대화를 약화시키려는 것이라고 말했다.',
    '기상청은 이번 주말 전국에 강한 비가 내릴 것으로 예보했다. 정부는 산사태 위험 지역 주민들에게 대피를 권고했다.',
  ],
  tr: [
    "Rusya Dışişleri Bakanı Sergey Lavrov, pazartesi günü yaptığı açıklamada Rusya'nın Suriye konusunda gizli müzakereler yürütmediğini söyledi. Lavrov, bu tür iddiaların diyaloğu baltalamayı amaçladığını belirtti.",
    'Merkez Bankası politika faizini yüzde elli seviyesinde sabit tuttu. Banka, enflasyondaki düşüşün önümüzdeki aylarda süreceğini öngördü.',
  ],
};
