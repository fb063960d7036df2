// The demo series: the WIPO Conversation on Intellectual Property and Frontier Technologies, from
// public information (DESIGN.md, "Demo content"). Session dates, numbers and subjects follow the
// real series; speakers, organisations, agendas, document texts and web addresses are invented for
// the demo. Plain data only: seed-demo.ts writes it to the database.
//
// Translation coverage is uneven on purpose. Titles are in all six languages. Longer texts are in
// English, French and Spanish, and also in Arabic, Chinese and Russian for the series, the themes
// and session 9, so the pages show the "shown in English" note for some items and not for others.
import type { agendaItemKind, documentKind, sessionFormat, speakerRole } from '../conversations.tables';
import type { Locale } from '../../../platform/i18n/locales';
import type { LocalizedText } from '../../../platform/i18n/localized-text';

/** A text in all six languages: what every title must be. */
export type AllLocalesText = Record<Locale, string>;
/** A longer text in at least English, French and Spanish. */
export type CoreLocalesText = LocalizedText & Record<'en' | 'fr' | 'es', string>;

export type AgendaItemKind = (typeof agendaItemKind.enumValues)[number];
export type DocumentKind = (typeof documentKind.enumValues)[number];
export type SessionFormat = (typeof sessionFormat.enumValues)[number];
export type SpeakerRole = (typeof speakerRole.enumValues)[number];

export interface DemoSeries {
  slug: string;
  title: AllLocalesText;
  shortTitle: AllLocalesText;
  summary: AllLocalesText;
  about: AllLocalesText;
  organiser: AllLocalesText;
}

export interface DemoTheme {
  slug: DemoThemeSlug;
  title: AllLocalesText;
  description: AllLocalesText;
}

export interface DemoSpeaker {
  slug: DemoSpeakerSlug;
  name: string;
  honorific: AllLocalesText;
  position: AllLocalesText;
  organisation: AllLocalesText;
  bio: CoreLocalesText;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface DemoAgendaSpeaker {
  speaker: DemoSpeakerSlug;
  role: SpeakerRole;
}

export interface DemoAgendaItem {
  kind: AgendaItemKind;
  startsAt: Date;
  endsAt: Date;
  title: AllLocalesText;
  description: CoreLocalesText;
  speakers: DemoAgendaSpeaker[];
}

export interface DemoDocument {
  symbol: string;
  kind: DocumentKind;
  title: AllLocalesText;
  /** YYYY-MM-DD. */
  publishedOn: string;
  /** The language versions that exist as files; English always comes first. */
  locales: Locale[];
}

export interface DemoSession {
  number: number;
  theme: DemoThemeSlug;
  title: AllLocalesText;
  subject: AllLocalesText;
  description: CoreLocalesText;
  startsAt: Date;
  endsAt: Date;
  format: SessionFormat;
  venue: AllLocalesText;
  livestreamUrl?: string;
  /** Where the recording is once the session has been held; seedDemo leaves it out before then. */
  recordingUrl: string;
  agenda: DemoAgendaItem[];
  documents: DemoDocument[];
}

export const DEMO_SERIES_SLUG = 'ip-frontier-technologies';

/**
 * Geneva's IANA time zone. The tz database has no "Europe/Geneva": all of Switzerland is
 * "Europe/Zurich", and Intl.DateTimeFormat throws a RangeError for the Geneva name.
 */
export const DEMO_TIME_ZONE = 'Europe/Zurich';

/**
 * The UTC instant of a wall-clock time in Geneva, so the data can be written the way the
 * programme is printed ("13 March 2024, 10:00") and still be right across summer time.
 */
function inGeneva(date: string, time: string): Date {
  const wallClockAsUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guess is right except within an hour of a change; a second pass settles it.
  const firstGuess = wallClockAsUtc - genevaOffsetMs(wallClockAsUtc);
  return new Date(wallClockAsUtc - genevaOffsetMs(firstGuess));
}

const genevaParts = new Intl.DateTimeFormat('en-US', {
  timeZone: DEMO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function genevaOffsetMs(instant: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(genevaParts.formatToParts(instant).find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

// ---------------------------------------------------------------------------------------------
// Shared texts

const WIPO: AllLocalesText = {
  ar: 'المنظمة العالمية للملكية الفكرية (الويبو)',
  zh: '世界知识产权组织（产权组织）',
  en: 'World Intellectual Property Organization (WIPO)',
  fr: 'Organisation Mondiale de la Propriété Intellectuelle (OMPI)',
  ru: 'Всемирная организация интеллектуальной собственности (ВОИС)',
  es: 'Organización Mundial de la Propiedad Intelectual (OMPI)',
};

const VENUE_GENEVA: AllLocalesText = {
  ar: 'مقر الويبو، جنيف',
  zh: '产权组织总部，日内瓦',
  en: 'WIPO headquarters, Geneva',
  fr: "Siège de l'OMPI, Genève",
  ru: 'Штаб-квартира ВОИС, Женева',
  es: 'Sede de la OMPI, Ginebra',
};

const VENUE_VIRTUAL: AllLocalesText = {
  ar: 'افتراضي',
  zh: '线上',
  en: 'Virtual',
  fr: 'En ligne',
  ru: 'Онлайн',
  es: 'Virtual',
};

const MR: AllLocalesText = { ar: 'السيد', zh: '先生', en: 'Mr.', fr: 'M.', ru: 'г-н', es: 'Sr.' };
const MS: AllLocalesText = { ar: 'السيدة', zh: '女士', en: 'Ms.', fr: 'Mme', ru: 'г-жа', es: 'Sra.' };
const DR_M: AllLocalesText = { ar: 'الدكتور', zh: '博士', en: 'Dr.', fr: 'Dr', ru: 'д-р', es: 'Dr.' };
const DR_F: AllLocalesText = { ar: 'الدكتورة', zh: '博士', en: 'Dr.', fr: 'Dr', ru: 'д-р', es: 'Dra.' };
const PROF_F: AllLocalesText = {
  ar: 'الأستاذة',
  zh: '教授',
  en: 'Prof.',
  fr: 'Pr',
  ru: 'проф.',
  es: 'Prof.ª',
};

const OPENING: AllLocalesText = {
  ar: 'الكلمة الافتتاحية',
  zh: '开幕致辞',
  en: 'Opening remarks',
  fr: "Allocution d'ouverture",
  ru: 'Вступительное слово',
  es: 'Palabras de apertura',
};

const CLOSING: AllLocalesText = {
  ar: 'الكلمة الختامية',
  zh: '闭幕致辞',
  en: 'Closing remarks',
  fr: 'Allocution de clôture',
  ru: 'Заключительное слово',
  es: 'Palabras de clausura',
};

const OPEN_FLOOR: AllLocalesText = {
  ar: 'فتح باب النقاش',
  zh: '自由发言',
  en: 'Open floor',
  fr: 'Débat ouvert',
  ru: 'Открытая дискуссия',
  es: 'Turno abierto de intervenciones',
};

const COFFEE_BREAK: AllLocalesText = {
  ar: 'استراحة قهوة',
  zh: '茶歇',
  en: 'Coffee break',
  fr: 'Pause-café',
  ru: 'Кофе-брейк',
  es: 'Pausa para el café',
};

const LUNCH_BREAK: AllLocalesText = {
  ar: 'استراحة الغداء',
  zh: '午餐休息',
  en: 'Lunch break',
  fr: 'Pause déjeuner',
  ru: 'Обеденный перерыв',
  es: 'Pausa para el almuerzo',
};

const OPENING_TEXT: CoreLocalesText = {
  en: "Welcome by the WIPO Secretariat and an introduction to the session's topic and format.",
  fr: "Accueil par le Secrétariat de l'OMPI et présentation du thème et du déroulement de la session.",
  es: 'Bienvenida de la Secretaría de la OMPI y presentación del tema y el formato de la sesión.',
};

const CLOSING_TEXT: CoreLocalesText = {
  en: 'A summary of the main points raised and the next steps for the Conversation.',
  fr: 'Synthèse des principaux points soulevés et prochaines étapes du Dialogue.',
  es: 'Resumen de los principales puntos planteados y próximos pasos del Diálogo.',
};

const OPEN_FLOOR_TEXT: CoreLocalesText = {
  en: 'Participants put questions and comments to the speakers and share their own views.',
  fr: 'Les participants posent des questions aux intervenants, formulent des observations et font part de leurs points de vue.',
  es: 'Los participantes formulan preguntas y comentarios a los ponentes y comparten sus propios puntos de vista.',
};

// ---------------------------------------------------------------------------------------------
// Series and themes

export const DEMO_SERIES: DemoSeries = {
  slug: DEMO_SERIES_SLUG,
  title: {
    ar: 'محادثة الويبو بشأن الملكية الفكرية والتكنولوجيات الحدودية',
    zh: '产权组织知识产权与前沿技术对话',
    en: 'WIPO Conversation on Intellectual Property and Frontier Technologies',
    fr: "Dialogue de l'OMPI sur la propriété intellectuelle et les technologies de pointe",
    ru: 'Диалог ВОИС по интеллектуальной собственности и передовым технологиям',
    es: 'Diálogo de la OMPI sobre Propiedad Intelectual y Tecnologías de Vanguardia',
  },
  shortTitle: {
    ar: 'محادثة الويبو',
    zh: '产权组织对话',
    en: 'WIPO Conversation',
    fr: "Dialogue de l'OMPI",
    ru: 'Диалог ВОИС',
    es: 'Diálogo de la OMPI',
  },
  // No figures here: the pages compute reach from the data.
  summary: {
    ar: 'منتدى مفتوح تناقش فيه الدول الأعضاء والمراقبون والأوساط الأكاديمية والمهنيون في مجال الملكية الفكرية والمؤسسات والمبدعون والمجتمع المدني أثر التكنولوجيات الحدودية، مثل الذكاء الاصطناعي، على الملكية الفكرية.',
    zh: '一个开放的论坛，成员国、观察员、学术界、知识产权从业人员、企业、创作者和民间社会在此探讨人工智能等前沿技术对知识产权的影响。',
    en: 'An open forum where Member States, observers, academia, IP professionals, enterprises, creators and civil society discuss how frontier technologies such as artificial intelligence affect intellectual property.',
    fr: "Un forum ouvert où États membres, observateurs, milieux universitaires, professionnels de la propriété intellectuelle, entreprises, créateurs et société civile examinent l'incidence des technologies de pointe, comme l'intelligence artificielle, sur la propriété intellectuelle.",
    ru: 'Открытый форум, на котором государства-члены, наблюдатели, представители научных кругов, специалисты в области интеллектуальной собственности, предприятия, авторы и гражданское общество обсуждают влияние передовых технологий, таких как искусственный интеллект, на интеллектуальную собственность.',
    es: 'Un foro abierto en el que Estados miembros, observadores, círculos académicos, profesionales de la propiedad intelectual, empresas, creadores y sociedad civil debaten sobre el impacto de las tecnologías de vanguardia, como la inteligencia artificial, en la propiedad intelectual.',
  },
  about: {
    ar: [
      'محادثة الويبو بشأن الملكية الفكرية والتكنولوجيات الحدودية منتدى مفتوح تعقده المنظمة العالمية للملكية الفكرية (الويبو) منذ عام 2019. وقد انطلقت باسم محادثة الويبو بشأن الملكية الفكرية والذكاء الاصطناعي، ثم اتسع نطاقها ليشمل البيانات والتكنولوجيات الجديدة لإدارة الملكية الفكرية والميتافيرس والذكاء الاصطناعي التوليدي.',
      'والمحادثة مفتوحة للجميع، إذ تشارك فيها الدول الأعضاء والمراقبون إلى جانب الأوساط الأكاديمية والمهنيين في مجال الملكية الفكرية والمؤسسات والمبدعين والمجتمع المدني، في جنيف أو عبر الإنترنت. وتُبث كل دورة مباشرةً وتُسجَّل، وتُنشر وثائقها بعدة لغات.',
      'وتُغيّر التكنولوجيات الحدودية، مثل الذكاء الاصطناعي، طريقة ابتكار المصنفات والاختراعات واستخدامها وحمايتها، وغالباً بوتيرة تفوق قدرة السياسات على مواكبتها. وتهدف المحادثة إلى سد فجوة المعلومات، فهي تجمع بين من يطوّرون هذه التكنولوجيات ومن يستخدمونها وينظمونها ومن يتأثر عملهم بها، حتى يتسنى للجميع الاستناد إلى فهم مشترك ومحدَّث. وهي مساحة للنقاش لا للتفاوض، ولا تُفضي إلى نتائج ملزمة.',
    ].join('\n\n'),
    zh: [
      '产权组织知识产权与前沿技术对话是世界知识产权组织（产权组织）自2019年起举办的开放论坛。对话最初名为产权组织知识产权与人工智能对话，此后议题扩展到数据、用于知识产权管理的新技术、元宇宙和生成式人工智能。',
      '对话向所有人开放。成员国和观察员与学术界、知识产权从业人员、企业、创作者和民间社会一道，在日内瓦现场或在线参与。每届会议均进行网络直播并录制，会议文件以多种语言发布。',
      '人工智能等前沿技术正在改变作品和发明的创作、使用和保护方式，其速度往往超过政策调整的步伐。对话旨在弥合信息差距：它把开发这些技术的人、使用和治理这些技术的人以及工作受其影响的人聚集在一起，使各方能够基于共同的、最新的认识开展讨论。对话是讨论的平台，而非谈判的场所，不产生具有约束力的成果。',
    ].join('\n\n'),
    en: [
      'The WIPO Conversation on Intellectual Property and Frontier Technologies is an open forum convened by the World Intellectual Property Organization (WIPO) since 2019. It began as the WIPO Conversation on Intellectual Property and Artificial Intelligence and has since broadened its scope to data, new technologies for IP administration, the metaverse and generative AI.',
      'The Conversation is open to all. Member States and observers take part alongside academia, IP professionals, enterprises, creators and civil society, in Geneva or online. Each session is livestreamed and recorded, and its documents are published in several languages.',
      'Frontier technologies such as artificial intelligence are changing how works and inventions are created, used and protected, often faster than policy can follow. The Conversation aims to bridge the information gap: it brings together those who build these technologies, those who use and govern them, and those whose work they affect, so that everyone can draw on a shared and up-to-date understanding. It is a space for discussion, not for negotiation, and does not produce binding outcomes.',
    ].join('\n\n'),
    fr: [
      "Le Dialogue de l'OMPI sur la propriété intellectuelle et les technologies de pointe est un forum ouvert organisé depuis 2019 par l'Organisation Mondiale de la Propriété Intellectuelle (OMPI). Lancé sous le nom de Dialogue de l'OMPI sur la propriété intellectuelle et l'intelligence artificielle, il s'est depuis étendu aux données, aux nouvelles technologies au service de l'administration de la propriété intellectuelle, au métavers et à l'intelligence artificielle générative.",
      'Le Dialogue est ouvert à tous. Les États membres et les observateurs y participent aux côtés des milieux universitaires, des professionnels de la propriété intellectuelle, des entreprises, des créateurs et de la société civile, à Genève ou en ligne. Chaque session est diffusée en direct et enregistrée, et ses documents sont publiés en plusieurs langues.',
      "Les technologies de pointe telles que l'intelligence artificielle transforment la manière dont les œuvres et les inventions sont créées, utilisées et protégées, souvent plus vite que les politiques ne peuvent suivre. Le Dialogue vise à combler le déficit d'information : il réunit celles et ceux qui conçoivent ces technologies, qui les utilisent et les encadrent, et dont le travail en est affecté, afin que chacun puisse s'appuyer sur une compréhension commune et actualisée. C'est un espace de discussion et non de négociation ; il ne débouche sur aucun résultat contraignant.",
    ].join('\n\n'),
    ru: [
      'Диалог ВОИС по интеллектуальной собственности и передовым технологиям — это открытый форум, который Всемирная организация интеллектуальной собственности (ВОИС) проводит с 2019 года. Он начинался как Диалог ВОИС по интеллектуальной собственности и искусственному интеллекту и с тех пор расширил круг тем: данные, новые технологии для администрирования ИС, метавселенная и генеративный искусственный интеллект.',
      'Диалог открыт для всех. Государства-члены и наблюдатели участвуют в нем наряду с представителями научных кругов, специалистами в области ИС, предприятиями, авторами и гражданским обществом — в Женеве или онлайн. Каждая сессия транслируется в прямом эфире и записывается, а ее документы публикуются на нескольких языках.',
      'Передовые технологии, такие как искусственный интеллект, меняют то, как произведения и изобретения создаются, используются и охраняются, причем зачастую быстрее, чем успевает меняться политика. Цель Диалога — преодолеть информационный разрыв: он объединяет тех, кто создает эти технологии, тех, кто их использует и регулирует, и тех, на чью работу они влияют, чтобы все могли опираться на общее и актуальное понимание. Это площадка для обсуждения, а не для переговоров, и ее итоги не носят обязательного характера.',
    ].join('\n\n'),
    es: [
      'El Diálogo de la OMPI sobre Propiedad Intelectual y Tecnologías de Vanguardia es un foro abierto que la Organización Mundial de la Propiedad Intelectual (OMPI) convoca desde 2019. Comenzó como el Diálogo de la OMPI sobre Propiedad Intelectual e Inteligencia Artificial y desde entonces ha ampliado su alcance a los datos, las nuevas tecnologías para la administración de la propiedad intelectual, el metaverso y la inteligencia artificial generativa.',
      'El Diálogo está abierto a todas las personas. Los Estados miembros y los observadores participan junto con los círculos académicos, los profesionales de la propiedad intelectual, las empresas, los creadores y la sociedad civil, en Ginebra o en línea. Cada sesión se transmite en directo y se graba, y sus documentos se publican en varios idiomas.',
      'Las tecnologías de vanguardia, como la inteligencia artificial, están cambiando la forma en que se crean, utilizan y protegen las obras y las invenciones, a menudo más deprisa de lo que las políticas pueden adaptarse. El Diálogo pretende reducir la brecha de información: reúne a quienes desarrollan estas tecnologías, a quienes las utilizan y regulan y a quienes ven su trabajo afectado por ellas, para que todos puedan partir de un conocimiento común y actualizado. Es un espacio de debate, no de negociación, y no da lugar a resultados vinculantes.',
    ].join('\n\n'),
  },
  organiser: WIPO,
};

const THEMES = {
  'artificial-intelligence-and-ip': {
    title: {
      ar: 'الذكاء الاصطناعي والملكية الفكرية',
      zh: '人工智能与知识产权',
      en: 'Artificial Intelligence and IP',
      fr: 'Intelligence artificielle et propriété intellectuelle',
      ru: 'Искусственный интеллект и ИС',
      es: 'Inteligencia artificial y propiedad intelectual',
    },
    description: {
      ar: 'كيف يطرح الذكاء الاصطناعي تحديات أمام المفاهيم الأساسية للملكية الفكرية: من، أو ما، يمكن أن يكون مخترعاً أو مؤلفاً؛ وهل يمكن حماية النواتج التي يولدها الذكاء الاصطناعي؛ وكيف ينبغي التعامل مع المصنفات والبيانات المستخدمة في تدريب نماذج الذكاء الاصطناعي؛ وكيف يمكن لمكاتب الملكية الفكرية نفسها أن تستخدم الذكاء الاصطناعي وتتعامل معه.',
      zh: '人工智能如何挑战知识产权的核心概念：谁或什么可以成为发明人或作者；人工智能生成的产出能否受到保护；用于训练人工智能模型的作品和数据应如何对待；以及知识产权局自身如何利用和应对人工智能。',
      en: 'How artificial intelligence challenges the core concepts of intellectual property: who, or what, can be an inventor or an author; whether AI-generated outputs can be protected; how works and data used to train AI models should be treated; and how IP offices themselves can use and respond to AI.',
      fr: "Comment l'intelligence artificielle remet en question les notions fondamentales de la propriété intellectuelle : qui, ou quoi, peut être inventeur ou auteur ; si les productions générées par l'IA peuvent être protégées ; quel traitement réserver aux œuvres et aux données utilisées pour entraîner les modèles d'IA ; et comment les offices de propriété intellectuelle peuvent eux-mêmes utiliser l'IA et y répondre.",
      ru: 'Как искусственный интеллект ставит под вопрос базовые понятия интеллектуальной собственности: кто или что может быть изобретателем или автором; могут ли охраняться результаты, созданные ИИ; как следует относиться к произведениям и данным, используемым для обучения моделей ИИ; и как сами ведомства ИС могут использовать ИИ и реагировать на его развитие.',
      es: 'Cómo la inteligencia artificial pone en cuestión los conceptos fundamentales de la propiedad intelectual: quién, o qué, puede ser inventor o autor; si los resultados generados por IA pueden protegerse; cómo deben tratarse las obras y los datos utilizados para entrenar modelos de IA; y cómo las oficinas de propiedad intelectual pueden utilizar la IA y responder a ella.',
    },
  },
  'data-and-ip': {
    title: {
      ar: 'البيانات والملكية الفكرية',
      zh: '数据与知识产权',
      en: 'Data and IP',
      fr: 'Les données et la propriété intellectuelle',
      ru: 'Данные и ИС',
      es: 'Los datos y la propiedad intelectual',
    },
    description: {
      ar: 'البيانات هي محرك الاقتصاد الرقمي وتطوير الذكاء الاصطناعي. ويتناول هذا المحور كيفية انطباق حق المؤلف والحقوق في قواعد البيانات والأسرار التجارية وغيرها من الأطر على البيانات، وما إذا كانت هناك حاجة إلى نُهج جديدة لتحقيق التوازن بين النفاذ والتقاسم والحماية.',
      zh: '数据是数字经济和人工智能发展的驱动力。本主题探讨版权、数据库权利、商业秘密和其他框架如何适用于数据，以及是否需要新的方法来平衡获取、共享与保护。',
      en: 'Data drives the digital economy and the development of AI. This theme looks at how copyright, database rights, trade secrets and other frameworks apply to data, and whether new approaches are needed to balance access, sharing and protection.',
      fr: "Les données sont le moteur de l'économie numérique et du développement de l'IA. Ce thème examine comment le droit d'auteur, les droits sur les bases de données, les secrets d'affaires et d'autres cadres s'appliquent aux données, et si de nouvelles approches sont nécessaires pour concilier accès, partage et protection.",
      ru: 'Данные служат движущей силой цифровой экономики и развития ИИ. В рамках этой темы рассматривается, как авторское право, права на базы данных, коммерческая тайна и другие правовые механизмы применяются к данным и нужны ли новые подходы, чтобы сбалансировать доступ, обмен и охрану.',
      es: 'Los datos impulsan la economía digital y el desarrollo de la IA. Este tema examina cómo se aplican a los datos el derecho de autor, los derechos sobre bases de datos, los secretos comerciales y otros marcos, y si se necesitan nuevos enfoques para equilibrar el acceso, el intercambio y la protección.',
    },
  },
  'new-technologies-for-ip-administration': {
    title: {
      ar: 'التكنولوجيات الجديدة لإدارة الملكية الفكرية',
      zh: '用于知识产权管理的新技术',
      en: 'New Technologies for IP Administration',
      fr: "Les nouvelles technologies au service de l'administration de la propriété intellectuelle",
      ru: 'Новые технологии для администрирования ИС',
      es: 'Nuevas tecnologías para la administración de la propiedad intelectual',
    },
    description: {
      ar: 'تستخدم مكاتب الملكية الفكرية الذكاء الاصطناعي وسلاسل الكتل وغيرها من الأدوات الجديدة لتصنيف الطلبات والبحث فيها وفحصها وإدارتها. ويتيح هذا المحور تبادل الخبرات العملية، من المشاريع التجريبية إلى الأنظمة المستخدمة يومياً، ومناقشة ما تثيره من مسائل تتعلق بالجودة والشفافية والتعاون.',
      zh: '知识产权局利用人工智能、区块链和其他新工具对申请进行分类、检索、审查和管理。本主题分享从试点项目到日常使用系统的实践经验，并探讨由此引发的质量、透明度与合作问题。',
      en: 'IP offices use artificial intelligence, blockchain and other new tools to classify, search, examine and manage applications. This theme shares practical experience, from pilot projects to systems in daily use, and the questions of quality, transparency and cooperation they raise.',
      fr: "Les offices de propriété intellectuelle utilisent l'intelligence artificielle, la chaîne de blocs et d'autres outils nouveaux pour classer, rechercher, examiner et gérer les demandes. Ce thème permet de partager l'expérience acquise, des projets pilotes aux systèmes utilisés au quotidien, ainsi que les questions de qualité, de transparence et de coopération qu'ils soulèvent.",
      ru: 'Ведомства ИС используют искусственный интеллект, блокчейн и другие новые инструменты для классификации, поиска, экспертизы заявок и работы с ними. В рамках этой темы участники делятся практическим опытом — от пилотных проектов до систем, работающих в повседневном режиме, — и обсуждают возникающие вопросы качества, прозрачности и сотрудничества.',
      es: 'Las oficinas de propiedad intelectual utilizan la inteligencia artificial, la cadena de bloques y otras herramientas nuevas para clasificar, buscar, examinar y gestionar solicitudes. Este tema permite compartir experiencias prácticas, desde proyectos piloto hasta sistemas de uso diario, y las cuestiones de calidad, transparencia y cooperación que plantean.',
    },
  },
  'ip-and-the-metaverse': {
    title: {
      ar: 'الملكية الفكرية والميتافيرس',
      zh: '知识产权与元宇宙',
      en: 'IP and the Metaverse',
      fr: 'La propriété intellectuelle et le métavers',
      ru: 'ИС и метавселенная',
      es: 'La propiedad intelectual y el metaverso',
    },
    description: {
      ar: 'تطرح العوالم الافتراضية الغامرة أسئلة جديدة بشأن العلامات التجارية والتصاميم وحق المؤلف وإنفاذ الحقوق: السلع الافتراضية والأصول الرقمية، والاستخدام عبر الحدود والمنصات، ودور المنصات في منع التعدي.',
      zh: '沉浸式虚拟世界给商标、外观设计、版权和执法带来了新问题：虚拟商品和数字资产、跨国界和跨平台使用，以及平台在防止侵权方面的作用。',
      en: 'Immersive virtual worlds raise new questions for trademarks, designs, copyright and enforcement: virtual goods and digital assets, use across borders and platforms, and the role of platforms in preventing infringement.',
      fr: "Les mondes virtuels immersifs soulèvent de nouvelles questions en matière de marques, de dessins et modèles, de droit d'auteur et de respect des droits : biens virtuels et actifs numériques, utilisation par-delà les frontières et les plateformes, et rôle des plateformes dans la prévention des atteintes.",
      ru: 'Иммерсивные виртуальные миры ставят новые вопросы в сфере товарных знаков, промышленных образцов, авторского права и защиты прав: виртуальные товары и цифровые активы, использование за пределами одной страны и одной платформы, а также роль платформ в предотвращении нарушений.',
      es: 'Los mundos virtuales inmersivos plantean nuevas cuestiones en materia de marcas, diseños, derecho de autor y observancia: los bienes virtuales y los activos digitales, el uso a través de fronteras y plataformas, y la función de las plataformas en la prevención de las infracciones.',
    },
  },
} satisfies Record<string, Omit<DemoTheme, 'slug'>>;

export type DemoThemeSlug = keyof typeof THEMES;

/** The four themes, in the order the series home lists them. */
export const DEMO_THEMES: DemoTheme[] = Object.entries(THEMES).map(([slug, theme]) => ({
  slug: slug as DemoThemeSlug,
  ...theme,
}));

// ---------------------------------------------------------------------------------------------
// Speakers: invented people with plausible names, posts and organisations.

const SPEAKERS = {
  'helene-marchetti': {
    name: 'Hélène Marchetti',
    honorific: MS,
    country: 'FR',
    position: {
      ar: 'نائبة المدير العام، قطاع حق المؤلف والصناعات الإبداعية',
      zh: '副总干事，版权和创意产业部门',
      en: 'Deputy Director General, Copyright and Creative Industries Sector',
      fr: "Vice-directrice générale, Secteur du droit d'auteur et des industries de la création",
      ru: 'Заместитель Генерального директора, Сектор авторского права и творческих отраслей',
      es: 'Directora General Adjunta, Sector de Derecho de Autor e Industrias Creativas',
    },
    organisation: WIPO,
    bio: {
      en: "Hélène Marchetti leads WIPO's work on copyright and the creative industries, including the Organization's programme on copyright and artificial intelligence. Before joining WIPO she headed the legal department of a national copyright office and taught media law.",
      fr: "Hélène Marchetti dirige les travaux de l'OMPI relatifs au droit d'auteur et aux industries de la création, notamment le programme de l'Organisation consacré au droit d'auteur et à l'intelligence artificielle. Avant de rejoindre l'OMPI, elle a dirigé le service juridique d'un office national du droit d'auteur et enseigné le droit des médias.",
      es: 'Hélène Marchetti dirige la labor de la OMPI en materia de derecho de autor e industrias creativas, incluido el programa de la Organización sobre derecho de autor e inteligencia artificial. Antes de incorporarse a la OMPI, dirigió el departamento jurídico de una oficina nacional de derecho de autor y enseñó derecho de los medios de comunicación.',
    },
  },
  'kwame-asante': {
    name: 'Kwame Asante',
    honorific: MR,
    country: 'GH',
    position: {
      ar: 'مدير شعبة الملكية الفكرية والتكنولوجيات الحدودية',
      zh: '知识产权和前沿技术司司长',
      en: 'Director, IP and Frontier Technologies Division',
      fr: 'Directeur, Division de la propriété intellectuelle et des technologies de pointe',
      ru: 'Директор, Отдел ИС и передовых технологий',
      es: 'Director, División de Propiedad Intelectual y Tecnologías de Vanguardia',
    },
    organisation: WIPO,
    bio: {
      en: 'Kwame Asante directs the WIPO division that convenes the Conversation and has chaired most of its sessions. A patent attorney by training, he previously worked on IP and technology transfer policy in West Africa.',
      fr: "Kwame Asante dirige la division de l'OMPI qui organise le Dialogue et a présidé la plupart de ses sessions. Conseil en brevets de formation, il a auparavant travaillé sur les politiques de propriété intellectuelle et de transfert de technologie en Afrique de l'Ouest.",
      es: 'Kwame Asante dirige la división de la OMPI que convoca el Diálogo y ha presidido la mayoría de sus sesiones. Agente de patentes de formación, trabajó anteriormente en políticas de propiedad intelectual y transferencia de tecnología en África Occidental.',
    },
  },
  'priya-raghunathan': {
    name: 'Priya Raghunathan',
    honorific: PROF_F,
    country: 'IN',
    position: {
      ar: 'أستاذة القانون والتكنولوجيا',
      zh: '法律与技术教授',
      en: 'Professor of Law and Technology',
      fr: 'Professeure de droit et technologie',
      ru: 'Профессор права и технологий',
      es: 'Catedrática de Derecho y Tecnología',
    },
    organisation: {
      ar: 'مركز القانون والتكنولوجيات الناشئة، جامعة كوروماندل',
      zh: '科罗曼德尔大学法律与新兴技术中心',
      en: 'Centre for Law and Emerging Technologies, Coromandel University',
      fr: 'Centre pour le droit et les technologies émergentes, Université de Coromandel',
      ru: 'Центр права и новых технологий, Университет Коромандел',
      es: 'Centro de Derecho y Tecnologías Emergentes, Universidad de Coromandel',
    },
    bio: {
      en: 'Priya Raghunathan researches how copyright and patent law adapt to machine learning, with a focus on developing economies. She has advised several governments on AI strategy and writes widely on access to knowledge.',
      fr: "Priya Raghunathan étudie la manière dont le droit d'auteur et le droit des brevets s'adaptent à l'apprentissage automatique, en particulier dans les économies en développement. Elle a conseillé plusieurs gouvernements sur leur stratégie en matière d'IA et publie de nombreux travaux sur l'accès au savoir.",
      es: 'Priya Raghunathan investiga cómo se adaptan el derecho de autor y el de patentes al aprendizaje automático, con especial atención a las economías en desarrollo. Ha asesorado a varios gobiernos sobre estrategias de IA y escribe con frecuencia sobre el acceso al conocimiento.',
    },
  },
  'tomasz-wisniewski': {
    name: 'Tomasz Wiśniewski',
    honorific: DR_M,
    country: 'PL',
    position: {
      ar: 'رئيس أبحاث التعلم الآلي',
      zh: '机器学习研究主管',
      en: 'Head of Machine Learning Research',
      fr: 'Responsable de la recherche en apprentissage automatique',
      ru: 'Руководитель исследований в области машинного обучения',
      es: 'Jefe de Investigación en Aprendizaje Automático',
    },
    organisation: {
      ar: 'مختبر فيستولا للذكاء الاصطناعي',
      zh: '维斯瓦人工智能实验室',
      en: 'Vistula AI Lab',
      fr: 'Vistula AI Lab',
      ru: 'Лаборатория ИИ «Висла»',
      es: 'Vistula AI Lab',
    },
    bio: {
      en: 'Tomasz Wiśniewski leads a research group that builds and evaluates large language models. He works on methods for documenting training data and measuring what models memorise.',
      fr: "Tomasz Wiśniewski dirige un groupe de recherche qui conçoit et évalue de grands modèles de langage. Il travaille sur des méthodes de documentation des données d'entraînement et de mesure de ce que les modèles mémorisent.",
      es: 'Tomasz Wiśniewski dirige un grupo de investigación que desarrolla y evalúa grandes modelos de lenguaje. Trabaja en métodos para documentar los datos de entrenamiento y medir lo que los modelos memorizan.',
    },
  },
  'chen-jing': {
    name: 'Chen Jing',
    honorific: DR_F,
    country: 'CN',
    position: {
      ar: 'مديرة الشؤون القانونية',
      zh: '法务总监',
      en: 'Director of Legal Affairs',
      fr: 'Directrice des affaires juridiques',
      ru: 'Директор по правовым вопросам',
      es: 'Directora de Asuntos Jurídicos',
    },
    organisation: {
      ar: 'شركة لانتينغ لتكنولوجيات الذكاء الاصطناعي',
      zh: '兰亭人工智能科技',
      en: 'Lanting AI Technologies',
      fr: 'Lanting AI Technologies',
      ru: 'Lanting AI Technologies',
      es: 'Lanting AI Technologies',
    },
    bio: {
      en: 'Chen Jing is responsible for IP, data protection and regulatory affairs at a developer of generative AI models. She previously practised as a patent and licensing lawyer.',
      fr: "Chen Jing est responsable de la propriété intellectuelle, de la protection des données et des questions réglementaires chez un développeur de modèles d'IA générative. Elle a auparavant exercé comme avocate spécialisée en brevets et en licences.",
      es: 'Chen Jing es responsable de propiedad intelectual, protección de datos y asuntos regulatorios en una empresa que desarrolla modelos de IA generativa. Anteriormente ejerció como abogada especializada en patentes y licencias.',
    },
  },
  'maya-thompson': {
    name: 'Maya Thompson',
    honorific: MS,
    country: 'US',
    position: {
      ar: 'رئيسة قسم السياسات العامة',
      zh: '公共政策主管',
      en: 'Head of Public Policy',
      fr: 'Responsable des politiques publiques',
      ru: 'Руководитель отдела государственной политики',
      es: 'Jefa de Políticas Públicas',
    },
    organisation: {
      ar: 'مختبرات نورثويند',
      zh: '北风实验室',
      en: 'Northwind Labs',
      fr: 'Northwind Labs',
      ru: 'Northwind Labs',
      es: 'Northwind Labs',
    },
    bio: {
      en: 'Maya Thompson leads public policy at an AI company that builds tools for images and video. She has worked on technology policy in government and in civil society.',
      fr: "Maya Thompson dirige les politiques publiques d'une entreprise d'IA qui conçoit des outils pour l'image et la vidéo. Elle a travaillé sur les politiques technologiques au sein de l'administration publique et de la société civile.",
      es: 'Maya Thompson dirige las políticas públicas de una empresa de IA que desarrolla herramientas de imagen y vídeo. Ha trabajado en políticas tecnológicas en la administración pública y en la sociedad civil.',
    },
  },
  'nadia-benali': {
    name: 'Nadia Benali',
    honorific: DR_F,
    country: 'MA',
    position: {
      ar: 'باحثة أولى في قانون البيانات',
      zh: '数据法高级研究员',
      en: 'Senior Researcher in Data Law',
      fr: 'Chercheuse confirmée en droit des données',
      ru: 'Старший научный сотрудник по праву данных',
      es: 'Investigadora sénior en Derecho de Datos',
    },
    organisation: {
      ar: 'مركز أطلس للسياسات الرقمية',
      zh: '阿特拉斯数字政策中心',
      en: 'Atlas Centre for Digital Policy',
      fr: 'Centre Atlas pour les politiques numériques',
      ru: 'Центр цифровой политики «Атлас»',
      es: 'Centro Atlas de Políticas Digitales',
    },
    bio: {
      en: 'Nadia Benali studies the legal frameworks for data sharing in Africa and the Arab region. Her recent work compares database protection, trade secrets and data governance laws.',
      fr: "Nadia Benali étudie les cadres juridiques du partage des données en Afrique et dans la région arabe. Ses travaux récents comparent la protection des bases de données, les secrets d'affaires et les lois sur la gouvernance des données.",
      es: 'Nadia Benali estudia los marcos jurídicos para el intercambio de datos en África y la región árabe. Sus trabajos recientes comparan la protección de las bases de datos, los secretos comerciales y las leyes de gobernanza de datos.',
    },
  },
  'sofia-valenzuela': {
    name: 'Sofía Valenzuela',
    honorific: DR_F,
    country: 'CL',
    position: {
      ar: 'أستاذة مشاركة في قانون الملكية الفكرية',
      zh: '知识产权法副教授',
      en: 'Associate Professor of Intellectual Property Law',
      fr: 'Professeure associée de droit de la propriété intellectuelle',
      ru: 'Доцент кафедры права интеллектуальной собственности',
      es: 'Profesora Asociada de Derecho de la Propiedad Intelectual',
    },
    organisation: {
      ar: 'جامعة جنوب المحيط الهادئ',
      zh: '南太平洋大学',
      en: 'Universidad del Pacífico Sur',
      fr: 'Universidad del Pacífico Sur',
      ru: 'Университет Южного Тихоокеанского побережья',
      es: 'Universidad del Pacífico Sur',
    },
    bio: {
      en: 'Sofía Valenzuela teaches copyright and comparative IP law and has written on exceptions and limitations in Latin America. She coordinates a regional network of researchers on AI and creativity.',
      fr: "Sofía Valenzuela enseigne le droit d'auteur et le droit comparé de la propriété intellectuelle et a publié des travaux sur les exceptions et limitations en Amérique latine. Elle coordonne un réseau régional de chercheurs sur l'IA et la créativité.",
      es: 'Sofía Valenzuela enseña derecho de autor y derecho comparado de la propiedad intelectual y ha escrito sobre las excepciones y limitaciones en América Latina. Coordina una red regional de investigadores sobre IA y creatividad.',
    },
  },
  'lena-brandt': {
    name: 'Lena Brandt',
    honorific: MS,
    country: 'DE',
    position: {
      ar: 'المستشارة القانونية العامة',
      zh: '总法律顾问',
      en: 'General Counsel',
      fr: 'Directrice juridique',
      ru: 'Главный юрисконсульт',
      es: 'Directora Jurídica',
    },
    organisation: {
      ar: 'جمعية ميريديان لحقوق الموسيقى',
      zh: '子午线音乐权利协会',
      en: 'Meridian Music Rights Society',
      fr: 'Société Meridian des droits musicaux',
      ru: 'Общество музыкальных прав «Меридиан»',
      es: 'Sociedad Meridian de Derechos Musicales',
    },
    bio: {
      en: 'Lena Brandt is general counsel of a collective management organisation representing composers, lyricists and music publishers. She has negotiated some of the first licences for the use of music catalogues in AI training.',
      fr: "Lena Brandt est directrice juridique d'un organisme de gestion collective représentant des compositeurs, des paroliers et des éditeurs de musique. Elle a négocié certaines des premières licences portant sur l'utilisation de catalogues musicaux pour l'entraînement de l'IA.",
      es: 'Lena Brandt es directora jurídica de una organización de gestión colectiva que representa a compositores, letristas y editores musicales. Ha negociado algunas de las primeras licencias para el uso de catálogos musicales en el entrenamiento de la IA.',
    },
  },
  'thabo-mokoena': {
    name: 'Thabo Mokoena',
    honorific: DR_M,
    country: 'ZA',
    position: {
      ar: 'محاضر أول في قانون حق المؤلف',
      zh: '版权法高级讲师',
      en: 'Senior Lecturer in Copyright Law',
      fr: "Maître de conférences en droit d'auteur",
      ru: 'Старший преподаватель авторского права',
      es: 'Profesor Titular de Derecho de Autor',
    },
    organisation: {
      ar: 'جامعة الهايفلد',
      zh: '海韦尔德大学',
      en: 'University of the Highveld',
      fr: 'Université du Highveld',
      ru: 'Университет Хайвельда',
      es: 'Universidad del Highveld',
    },
    bio: {
      en: 'Thabo Mokoena writes on copyright exceptions, fair use and access to learning materials in Africa. He has served on expert panels reviewing copyright legislation in southern Africa.',
      fr: "Thabo Mokoena publie des travaux sur les exceptions au droit d'auteur, l'usage loyal et l'accès au matériel pédagogique en Afrique. Il a siégé dans des groupes d'experts chargés d'examiner la législation sur le droit d'auteur en Afrique australe.",
      es: 'Thabo Mokoena escribe sobre las excepciones al derecho de autor, el uso leal y el acceso a los materiales didácticos en África. Ha formado parte de grupos de expertos encargados de revisar la legislación sobre derecho de autor en África Meridional.',
    },
  },
  'olga-sokolova': {
    name: 'Olga Sokolova',
    honorific: DR_F,
    country: 'RU',
    position: {
      ar: 'باحثة رئيسية في قانون الملكية الفكرية',
      zh: '知识产权法首席研究员',
      en: 'Leading Researcher, Intellectual Property Law',
      fr: 'Chercheuse principale en droit de la propriété intellectuelle',
      ru: 'Ведущий научный сотрудник по праву интеллектуальной собственности',
      es: 'Investigadora Principal en Derecho de la Propiedad Intelectual',
    },
    organisation: {
      ar: 'معهد القانون الرقمي',
      zh: '数字法研究所',
      en: 'Institute of Digital Law',
      fr: 'Institut du droit du numérique',
      ru: 'Институт цифрового права',
      es: 'Instituto de Derecho Digital',
    },
    bio: {
      en: 'Olga Sokolova specialises in copyright and the legal status of results produced by AI systems. She has contributed to drafting guidance on AI for the courts and regularly teaches judges and practitioners.',
      fr: "Olga Sokolova est spécialiste du droit d'auteur et du statut juridique des résultats produits par les systèmes d'IA. Elle a contribué à l'élaboration d'orientations sur l'IA à l'intention des tribunaux et forme régulièrement des juges et des praticiens.",
      es: 'Olga Sokolova está especializada en derecho de autor y en la condición jurídica de los resultados producidos por sistemas de IA. Ha contribuido a redactar orientaciones sobre IA para los tribunales e imparte formación periódica a jueces y profesionales.',
    },
  },
  'mateo-gonzalez-ruiz': {
    name: 'Mateo González Ruiz',
    honorific: MR,
    country: 'MX',
    position: {
      ar: 'مدير تسجيل حق المؤلف',
      zh: '版权登记司司长',
      en: 'Director of Copyright Registration',
      fr: "Directeur de l'enregistrement du droit d'auteur",
      ru: 'Директор по регистрации авторских прав',
      es: 'Director de Registro de Derecho de Autor',
    },
    organisation: {
      ar: 'المكتب الوطني لحق المؤلف',
      zh: '国家版权局',
      en: 'National Copyright Office',
      fr: "Office national du droit d'auteur",
      ru: 'Национальное ведомство по авторскому праву',
      es: 'Oficina Nacional de Derecho de Autor',
    },
    bio: {
      en: "Mateo González Ruiz oversees copyright registration and the public rights database of his country's copyright office. He led the office's review of how applications involving AI-generated material are examined.",
      fr: "Mateo González Ruiz supervise l'enregistrement du droit d'auteur et la base de données publique des droits de l'office du droit d'auteur de son pays. Il a dirigé l'examen, par l'office, de la manière dont sont traitées les demandes comportant des éléments générés par l'IA.",
      es: 'Mateo González Ruiz supervisa el registro de derecho de autor y la base de datos pública de derechos de la oficina de derecho de autor de su país. Dirigió la revisión, por parte de la oficina, de la forma en que se examinan las solicitudes que incluyen material generado por IA.',
    },
  },
  'amara-okafor': {
    name: 'Amara Okafor',
    honorific: MS,
    country: 'NG',
    position: {
      ar: 'مديرة سياسات حق المؤلف',
      zh: '版权政策司司长',
      en: 'Director, Copyright Policy',
      fr: "Directrice de la politique du droit d'auteur",
      ru: 'Директор по политике в области авторского права',
      es: 'Directora de Política de Derecho de Autor',
    },
    organisation: {
      ar: 'اللجنة الوطنية لحق المؤلف',
      zh: '国家版权委员会',
      en: 'National Copyright Commission',
      fr: "Commission nationale du droit d'auteur",
      ru: 'Национальная комиссия по авторскому праву',
      es: 'Comisión Nacional de Derecho de Autor',
    },
    bio: {
      en: "Amara Okafor leads copyright policy and international cooperation at her country's copyright commission. She coordinated the national consultation on AI and the creative industries.",
      fr: "Amara Okafor dirige la politique du droit d'auteur et la coopération internationale au sein de la commission du droit d'auteur de son pays. Elle a coordonné la consultation nationale sur l'IA et les industries de la création.",
      es: 'Amara Okafor dirige la política de derecho de autor y la cooperación internacional en la comisión de derecho de autor de su país. Coordinó la consulta nacional sobre la IA y las industrias creativas.',
    },
  },
  'park-min-jun': {
    name: 'Park Min-jun',
    honorific: MR,
    country: 'KR',
    position: {
      ar: 'مدير شعبة سياسات الذكاء الاصطناعي',
      zh: '人工智能政策司司长',
      en: 'Director, AI Policy Division',
      fr: "Directeur, Division des politiques relatives à l'IA",
      ru: 'Директор, Отдел политики в области ИИ',
      es: 'Director, División de Políticas de IA',
    },
    organisation: {
      ar: 'المكتب الوطني للملكية الفكرية',
      zh: '国家知识产权局',
      en: 'National Intellectual Property Office',
      fr: 'Office national de la propriété intellectuelle',
      ru: 'Национальное ведомство интеллектуальной собственности',
      es: 'Oficina Nacional de Propiedad Intelectual',
    },
    bio: {
      en: "Park Min-jun leads his office's policy on AI-related inventions and its use of AI in examination. He previously worked as a patent examiner in computer technology for more than ten years.",
      fr: "Park Min-jun dirige la politique de son office en matière d'inventions liées à l'IA et d'utilisation de l'IA dans l'examen. Il a auparavant été examinateur de brevets dans le domaine des technologies informatiques pendant plus de dix ans.",
      es: 'Park Min-jun dirige la política de su oficina sobre las invenciones relacionadas con la IA y sobre el uso de la IA en el examen. Anteriormente trabajó durante más de diez años como examinador de patentes en tecnología informática.',
    },
  },
  'yousef-al-harbi': {
    name: 'Yousef Al-Harbi',
    honorific: DR_M,
    country: 'SA',
    position: {
      ar: 'مدير التقنيات الناشئة',
      zh: '新兴技术司司长',
      en: 'Director of Emerging Technologies',
      fr: 'Directeur des technologies émergentes',
      ru: 'Директор по новым технологиям',
      es: 'Director de Tecnologías Emergentes',
    },
    organisation: {
      ar: 'الهيئة الوطنية للملكية الفكرية',
      zh: '国家知识产权管理局',
      en: 'National Intellectual Property Authority',
      fr: 'Autorité nationale de la propriété intellectuelle',
      ru: 'Национальное управление интеллектуальной собственности',
      es: 'Autoridad Nacional de Propiedad Intelectual',
    },
    bio: {
      en: "Yousef Al-Harbi oversees the digital transformation of his country's IP authority, including AI tools for examination and user services. He holds a doctorate in computer engineering.",
      fr: "Yousef Al-Harbi supervise la transformation numérique de l'autorité de propriété intellectuelle de son pays, notamment les outils d'IA d'aide à l'examen et aux services aux usagers. Il est titulaire d'un doctorat en génie informatique.",
      es: 'Yousef Al-Harbi supervisa la transformación digital de la autoridad de propiedad intelectual de su país, incluidas las herramientas de IA para el examen y la atención a los usuarios. Es doctor en ingeniería informática.',
    },
  },
  'aigerim-bekova': {
    name: 'Aigerim Bekova',
    honorific: MS,
    country: 'KZ',
    position: {
      ar: 'رئيسة قسم حق المؤلف والحقوق المجاورة',
      zh: '版权和相关权处处长',
      en: 'Head of Copyright and Related Rights',
      fr: "Cheffe du service du droit d'auteur et des droits connexes",
      ru: 'Начальник управления авторского права и смежных прав',
      es: 'Jefa de Derecho de Autor y Derechos Conexos',
    },
    organisation: {
      ar: 'وزارة العدل',
      zh: '司法部',
      en: 'Ministry of Justice',
      fr: 'Ministère de la justice',
      ru: 'Министерство юстиции',
      es: 'Ministerio de Justicia',
    },
    bio: {
      en: "Aigerim Bekova is responsible for copyright legislation and policy at her country's Ministry of Justice. She led the preparation of recent amendments on digital uses of works.",
      fr: "Aigerim Bekova est responsable de la législation et de la politique en matière de droit d'auteur au ministère de la justice de son pays. Elle a dirigé la préparation de modifications récentes portant sur les utilisations numériques des œuvres.",
      es: 'Aigerim Bekova es responsable de la legislación y la política de derecho de autor en el Ministerio de Justicia de su país. Dirigió la preparación de las recientes modificaciones sobre los usos digitales de las obras.',
    },
  },
  'grace-wanjiru': {
    name: 'Grace Wanjiru',
    honorific: MS,
    country: 'KE',
    position: {
      ar: 'المديرة التنفيذية',
      zh: '执行主任',
      en: 'Executive Director',
      fr: 'Directrice exécutive',
      ru: 'Исполнительный директор',
      es: 'Directora Ejecutiva',
    },
    organisation: {
      ar: 'الشبكة الأفريقية للمعرفة المفتوحة',
      zh: '非洲开放知识网络',
      en: 'Open Knowledge Africa Network',
      fr: 'Réseau africain pour le savoir ouvert',
      ru: 'Африканская сеть открытых знаний',
      es: 'Red Africana de Conocimiento Abierto',
    },
    bio: {
      en: 'Grace Wanjiru heads a civil society network that works on access to knowledge, open data and digital rights across Africa. She has campaigned for balanced copyright rules for libraries, schools and researchers.',
      fr: "Grace Wanjiru dirige un réseau de la société civile qui œuvre en faveur de l'accès au savoir, des données ouvertes et des droits numériques en Afrique. Elle milite pour des règles de droit d'auteur équilibrées au bénéfice des bibliothèques, des écoles et des chercheurs.",
      es: 'Grace Wanjiru dirige una red de la sociedad civil que trabaja en favor del acceso al conocimiento, los datos abiertos y los derechos digitales en África. Ha defendido normas de derecho de autor equilibradas para bibliotecas, escuelas e investigadores.',
    },
  },
  'joao-ferreira-santos': {
    name: 'João Ferreira Santos',
    honorific: MR,
    country: 'BR',
    position: {
      ar: 'الرئيس',
      zh: '主席',
      en: 'President',
      fr: 'Président',
      ru: 'Президент',
      es: 'Presidente',
    },
    organisation: {
      ar: 'تحالف مؤلفي الأغاني في البرازيل',
      zh: '巴西词曲作者联盟',
      en: "Songwriters' Alliance of Brazil",
      fr: 'Alliance des auteurs-compositeurs du Brésil',
      ru: 'Союз авторов песен Бразилии',
      es: 'Alianza de Compositores de Brasil',
    },
    bio: {
      en: 'João Ferreira Santos is a composer and arranger whose work spans film scores and popular music. He chairs an association of songwriters and speaks for creators in debates on streaming and AI.',
      fr: "João Ferreira Santos est compositeur et arrangeur ; son œuvre va de la musique de film à la musique populaire. Il préside une association d'auteurs-compositeurs et porte la voix des créateurs dans les débats sur la diffusion en continu et l'IA.",
      es: 'João Ferreira Santos es compositor y arreglista, con obras que van desde bandas sonoras de cine hasta música popular. Preside una asociación de compositores y representa a los creadores en los debates sobre la transmisión en continuo y la IA.',
    },
  },
  'fatou-diop': {
    name: 'Fatou Diop',
    honorific: MS,
    country: 'SN',
    position: {
      ar: 'عضوة مجلس الإدارة',
      zh: '理事会成员',
      en: 'Board Member',
      fr: "Membre du conseil d'administration",
      ru: 'Член правления',
      es: 'Miembro de la Junta Directiva',
    },
    organisation: {
      ar: 'تجمع الفنانين التشكيليين في داكار',
      zh: '达喀尔视觉艺术家联合会',
      en: 'Dakar Visual Artists Collective',
      fr: 'Collectif des artistes visuels de Dakar',
      ru: 'Объединение художников Дакара',
      es: 'Colectivo de Artistas Visuales de Dakar',
    },
    bio: {
      en: 'Fatou Diop is a painter and illustrator whose work has been shown across West Africa and Europe. She represents visual artists in discussions on AI image generators and the use of artworks as training data.',
      fr: "Fatou Diop est peintre et illustratrice ; son travail a été exposé en Afrique de l'Ouest et en Europe. Elle représente les artistes visuels dans les discussions sur les générateurs d'images par IA et l'utilisation d'œuvres d'art comme données d'entraînement.",
      es: 'Fatou Diop es pintora e ilustradora y su obra se ha expuesto en África Occidental y en Europa. Representa a los artistas visuales en los debates sobre los generadores de imágenes por IA y el uso de obras de arte como datos de entrenamiento.',
    },
  },
  'marcia-campbell': {
    name: 'Marcia Campbell',
    honorific: DR_F,
    country: 'JM',
    position: {
      ar: 'محاضرة في قانون الترفيه',
      zh: '娱乐法讲师',
      en: 'Lecturer in Entertainment Law',
      fr: 'Maîtresse de conférences en droit du divertissement',
      ru: 'Преподаватель права индустрии развлечений',
      es: 'Profesora de Derecho del Entretenimiento',
    },
    organisation: {
      ar: 'معهد الكاريبي للصناعات الإبداعية',
      zh: '加勒比创意产业研究所',
      en: 'Caribbean Institute of Creative Industries',
      fr: 'Institut caribéen des industries de la création',
      ru: 'Карибский институт творческих индустрий',
      es: 'Instituto Caribeño de Industrias Creativas',
    },
    bio: {
      en: "Marcia Campbell teaches entertainment and media law and advises musicians and producers in the Caribbean. Her research looks at performers' rights, sampling and the protection of voice and likeness.",
      fr: "Marcia Campbell enseigne le droit du divertissement et des médias et conseille des musiciens et des producteurs dans les Caraïbes. Ses recherches portent sur les droits des artistes interprètes, l'échantillonnage et la protection de la voix et de l'image.",
      es: 'Marcia Campbell enseña derecho del entretenimiento y de los medios de comunicación y asesora a músicos y productores en el Caribe. Su investigación se centra en los derechos de los artistas intérpretes o ejecutantes, el muestreo y la protección de la voz y la imagen.',
    },
  },
  'aroha-henare': {
    name: 'Aroha Henare',
    honorific: MS,
    country: 'NZ',
    position: {
      ar: 'مستشارة سياسات، حوكمة بيانات الشعوب الأصلية',
      zh: '政策顾问，原住民数据治理',
      en: 'Policy Adviser, Indigenous Data Governance',
      fr: 'Conseillère politique, gouvernance des données autochtones',
      ru: 'Советник по вопросам политики, управление данными коренных народов',
      es: 'Asesora de Políticas, Gobernanza de Datos Indígenas',
    },
    organisation: {
      ar: 'شبكة المحيط الهادئ لسيادة البيانات',
      zh: '太平洋数据主权网络',
      en: 'Pacific Data Sovereignty Network',
      fr: 'Réseau du Pacifique pour la souveraineté des données',
      ru: 'Тихоокеанская сеть за суверенитет данных',
      es: 'Red del Pacífico para la Soberanía de los Datos',
    },
    bio: {
      en: 'Aroha Henare works with Māori and Pacific communities on the governance of indigenous data and traditional knowledge. She advocates consent and benefit-sharing when community data and cultural works are used in AI.',
      fr: "Aroha Henare travaille avec les communautés maories et du Pacifique sur la gouvernance des données autochtones et des savoirs traditionnels. Elle plaide pour le consentement et le partage des avantages lorsque les données et les œuvres culturelles des communautés sont utilisées par l'IA.",
      es: 'Aroha Henare trabaja con comunidades maoríes y del Pacífico en la gobernanza de los datos indígenas y los conocimientos tradicionales. Defiende el consentimiento y la participación en los beneficios cuando los datos y las obras culturales de las comunidades se utilizan en la IA.',
    },
  },
  'hiroshi-tanabe': {
    name: 'Hiroshi Tanabe',
    honorific: MR,
    country: 'JP',
    position: {
      ar: 'فاحص أول، الذكاء الاصطناعي والتكنولوجيات الناشئة',
      zh: '高级审查员，人工智能和新兴技术',
      en: 'Senior Examiner, AI and Emerging Technologies',
      fr: 'Examinateur principal, IA et technologies émergentes',
      ru: 'Старший эксперт, ИИ и новые технологии',
      es: 'Examinador Principal, IA y Tecnologías Emergentes',
    },
    organisation: {
      ar: 'المكتب الوطني للبراءات',
      zh: '国家专利局',
      en: 'National Patent Office',
      fr: 'Office national des brevets',
      ru: 'Национальное патентное ведомство',
      es: 'Oficina Nacional de Patentes',
    },
    bio: {
      en: "Hiroshi Tanabe examines patent applications in machine learning and coordinates his office's internal AI projects. He has contributed to international work on patent classification and search tools.",
      fr: "Hiroshi Tanabe examine des demandes de brevet dans le domaine de l'apprentissage automatique et coordonne les projets internes d'IA de son office. Il a contribué aux travaux internationaux sur la classification des brevets et les outils de recherche.",
      es: 'Hiroshi Tanabe examina solicitudes de patente en el ámbito del aprendizaje automático y coordina los proyectos internos de IA de su oficina. Ha contribuido a la labor internacional sobre clasificación de patentes y herramientas de búsqueda.',
    },
  },
  'rina-kusumawati': {
    name: 'Rina Kusumawati',
    honorific: MS,
    country: 'ID',
    position: {
      ar: 'رئيسة',
      zh: '主席',
      en: 'Chair',
      fr: 'Présidente',
      ru: 'Председатель',
      es: 'Presidenta',
    },
    organisation: {
      ar: 'رابطة الناشرين المستقلين في الأرخبيل',
      zh: '群岛独立出版商协会',
      en: 'Archipelago Independent Publishers Association',
      fr: "Association des éditeurs indépendants de l'Archipel",
      ru: 'Ассоциация независимых издателей Архипелага',
      es: 'Asociación de Editores Independientes del Archipiélago',
    },
    bio: {
      en: "Rina Kusumawati runs an independent publishing house for children's books and chairs an association of small publishers. She works for fair licensing terms for publishers and authors in the digital market.",
      fr: "Rina Kusumawati dirige une maison d'édition indépendante de livres pour enfants et préside une association de petits éditeurs. Elle œuvre en faveur de conditions de licence équitables pour les éditeurs et les auteurs sur le marché numérique.",
      es: 'Rina Kusumawati dirige una editorial independiente de libros infantiles y preside una asociación de pequeñas editoriales. Trabaja en favor de condiciones de licencia justas para editores y autores en el mercado digital.',
    },
  },
} satisfies Record<string, Omit<DemoSpeaker, 'slug'>>;

export type DemoSpeakerSlug = keyof typeof SPEAKERS;

export const DEMO_SPEAKERS: DemoSpeaker[] = Object.entries(SPEAKERS).map(([slug, speaker]) => ({
  slug: slug as DemoSpeakerSlug,
  ...speaker,
}));

// ---------------------------------------------------------------------------------------------
// Agenda and document helpers

type Cast = Partial<Record<SpeakerRole, DemoSpeakerSlug[]>>;

/** One agenda item on one Geneva day; the cast lists speakers by role, in order of appearance. */
function item(
  kind: AgendaItemKind,
  [date, from, to]: [string, string, string],
  title: AllLocalesText,
  description: CoreLocalesText,
  cast: Cast = {},
): DemoAgendaItem {
  const roles: SpeakerRole[] = ['chair', 'moderator', 'speaker', 'panelist'];
  return {
    kind,
    startsAt: inGeneva(date, from),
    endsAt: inGeneva(date, to),
    title,
    description,
    speakers: roles.flatMap((role) => (cast[role] ?? []).map((speaker) => ({ speaker, role }))),
  };
}

const ALL_LOCALES: Locale[] = ['en', 'fr', 'es', 'ar', 'zh', 'ru'];
const EN_FR_ES: Locale[] = ['en', 'fr', 'es'];
const EN_ONLY: Locale[] = ['en'];

function agendaDocument(
  symbolPrefix: string,
  session: number,
  publishedOn: string,
  locales = EN_FR_ES,
): DemoDocument {
  return {
    symbol: `${symbolPrefix}/INF/1`,
    kind: 'agenda',
    publishedOn,
    locales,
    title: {
      ar: `جدول الأعمال – الدورة ${session}`,
      zh: `议程——第${session}届会议`,
      en: `Agenda – Session ${session}`,
      fr: `Ordre du jour de la session ${session}`,
      ru: `Повестка дня сессии ${session}`,
      es: `Orden del día de la sesión ${session}`,
    },
  };
}

function programmeDocument(
  symbolPrefix: string,
  session: number,
  publishedOn: string,
  locales = EN_FR_ES,
): DemoDocument {
  return {
    symbol: `${symbolPrefix}/INF/2`,
    kind: 'programme',
    publishedOn,
    locales,
    title: {
      ar: `البرنامج – الدورة ${session}`,
      zh: `日程安排——第${session}届会议`,
      en: `Programme – Session ${session}`,
      fr: `Programme de la session ${session}`,
      ru: `Программа сессии ${session}`,
      es: `Programa de la sesión ${session}`,
    },
  };
}

function summaryDocument(
  symbolPrefix: string,
  session: number,
  publishedOn: string,
  locales = EN_FR_ES,
): DemoDocument {
  return {
    symbol: `${symbolPrefix}/2`,
    kind: 'summary',
    publishedOn,
    locales,
    title: {
      ar: `ملخص المناقشات – الدورة ${session}`,
      zh: `讨论摘要——第${session}届会议`,
      en: `Summary of Discussions – Session ${session}`,
      fr: `Résumé des débats de la session ${session}`,
      ru: `Резюме обсуждений на сессии ${session}`,
      es: `Resumen de los debates de la sesión ${session}`,
    },
  };
}

// Document symbols follow WIPO's pattern: WIPO/IP/<family>/GE/<year>/..., with the session number
// inserted where one family holds two sessions in a year (sessions 2 and 3, session 10).

// ---------------------------------------------------------------------------------------------
// Sessions

const SESSION_1: DemoSession = {
  number: 1,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'الملكية الفكرية والذكاء الاصطناعي: انطلاق المحادثة',
    zh: '知识产权与人工智能：开启对话',
    en: 'Intellectual Property and Artificial Intelligence: Opening the Conversation',
    fr: 'Propriété intellectuelle et intelligence artificielle : ouverture du dialogue',
    ru: 'Интеллектуальная собственность и искусственный интеллект: начало диалога',
    es: 'Propiedad intelectual e inteligencia artificial: inicio del diálogo',
  },
  subject: {
    ar: 'الذكاء الاصطناعي وسياسة الملكية الفكرية',
    zh: '人工智能与知识产权政策',
    en: 'AI and IP policy',
    fr: 'IA et politique de propriété intellectuelle',
    ru: 'ИИ и политика в области ИС',
    es: 'IA y políticas de propiedad intelectual',
  },
  description: {
    en: 'The first session brought Member States and stakeholders together to map the questions that artificial intelligence raises for IP policy. Discussions covered patents, copyright and data, and the need for a shared understanding of the issues before any policy response.',
    fr: "La première session a réuni États membres et parties prenantes pour recenser les questions que l'intelligence artificielle pose aux politiques de propriété intellectuelle. Les débats ont porté sur les brevets, le droit d'auteur et les données, ainsi que sur la nécessité d'une compréhension commune des enjeux avant toute réponse politique.",
    es: 'La primera sesión reunió a Estados miembros y partes interesadas para identificar las cuestiones que la inteligencia artificial plantea a las políticas de propiedad intelectual. Los debates abarcaron las patentes, el derecho de autor y los datos, así como la necesidad de un entendimiento común de los problemas antes de cualquier respuesta normativa.',
  },
  startsAt: inGeneva('2019-09-27', '10:00'),
  endsAt: inGeneva('2019-09-27', '17:30'),
  format: 'onsite',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_GE_19_2019-09-27',
  agenda: [
    item('opening', ['2019-09-27', '10:00', '10:30'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2019-09-27', '10:30', '12:30'],
      {
        ar: 'حلقة نقاش: البراءات والذكاء الاصطناعي',
        zh: '小组讨论：专利与人工智能',
        en: 'Panel: Patents and artificial intelligence',
        fr: 'Table ronde : brevets et intelligence artificielle',
        ru: 'Дискуссионная группа: патенты и искусственный интеллект',
        es: 'Panel: patentes e inteligencia artificial',
      },
      {
        en: 'Can an AI system be named as an inventor, and how should patent offices assess inventions made with AI?',
        fr: "Un système d'IA peut-il être désigné comme inventeur, et comment les offices de brevets doivent-ils apprécier les inventions réalisées à l'aide de l'IA ?",
        es: '¿Puede designarse a un sistema de IA como inventor y cómo deben evaluar las oficinas de patentes las invenciones realizadas con IA?',
      },
      { moderator: ['priya-raghunathan'], panelist: ['hiroshi-tanabe', 'park-min-jun', 'thabo-mokoena'] },
    ),
    item(
      'panel',
      ['2019-09-27', '14:30', '16:30'],
      {
        ar: 'حلقة نقاش: حق المؤلف والبيانات والذكاء الاصطناعي',
        zh: '小组讨论：版权、数据与人工智能',
        en: 'Panel: Copyright, data and artificial intelligence',
        fr: "Table ronde : droit d'auteur, données et intelligence artificielle",
        ru: 'Дискуссионная группа: авторское право, данные и искусственный интеллект',
        es: 'Panel: derecho de autor, datos e inteligencia artificial',
      },
      {
        en: 'Authorship of AI-generated works, the use of protected works as data, and the value of data itself.',
        fr: "La qualité d'auteur des œuvres générées par l'IA, l'utilisation d'œuvres protégées en tant que données et la valeur des données elles-mêmes.",
        es: 'La autoría de las obras generadas por IA, el uso de obras protegidas como datos y el valor de los propios datos.',
      },
      { moderator: ['sofia-valenzuela'], panelist: ['lena-brandt', 'tomasz-wisniewski', 'grace-wanjiru'] },
    ),
    item('open_floor', ['2019-09-27', '16:30', '17:15'], OPEN_FLOOR, OPEN_FLOOR_TEXT, {
      chair: ['kwame-asante'],
    }),
    item('closing', ['2019-09-27', '17:15', '17:30'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/GE/19', 1, '2019-09-06'),
    programmeDocument('WIPO/IP/AI/GE/19', 1, '2019-09-20', EN_ONLY),
  ],
};

const SESSION_2: DemoSession = {
  number: 2,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'الذكاء الاصطناعي وسياسة الملكية الفكرية: ورقة القضايا المنقحة',
    zh: '人工智能与知识产权政策：议题文件修订稿',
    en: 'AI and IP Policy: The Revised Issues Paper',
    fr: 'IA et politique de propriété intellectuelle : le document de synthèse révisé',
    ru: 'ИИ и политика в области ИС: пересмотренный документ с перечнем вопросов',
    es: 'IA y políticas de propiedad intelectual: el documento revisado de cuestiones',
  },
  subject: {
    ar: 'الذكاء الاصطناعي وسياسة الملكية الفكرية (ورقة القضايا المنقحة)',
    zh: '人工智能与知识产权政策（议题文件修订稿）',
    en: 'AI and IP policy (Revised Issues Paper)',
    fr: 'IA et politique de propriété intellectuelle (document de synthèse révisé)',
    ru: 'ИИ и политика в области ИС (пересмотренный документ с перечнем вопросов)',
    es: 'IA y políticas de propiedad intelectual (documento revisado de cuestiones)',
  },
  description: {
    en: 'Held online over three days, the second session discussed the Revised Issues Paper on Intellectual Property Policy and Artificial Intelligence, which reflects the public comments received on the draft. Each day focused on a group of issues, from inventorship and copyright to data, designs, trademarks and capacity building.',
    fr: "Tenue en ligne sur trois jours, la deuxième session a examiné le document de synthèse révisé sur les politiques de propriété intellectuelle et l'intelligence artificielle, qui tient compte des commentaires publics reçus sur le projet. Chaque journée était consacrée à un groupe de questions, de la qualité d'inventeur et du droit d'auteur aux données, aux dessins et modèles, aux marques et au renforcement des capacités.",
    es: 'Celebrada en línea durante tres días, la segunda sesión examinó el documento revisado sobre las políticas de propiedad intelectual y la inteligencia artificial, que recoge los comentarios públicos recibidos sobre el proyecto. Cada jornada se centró en un grupo de cuestiones, desde la condición de inventor y el derecho de autor hasta los datos, los diseños, las marcas y el fortalecimiento de capacidades.',
  },
  startsAt: inGeneva('2020-07-07', '13:00'),
  endsAt: inGeneva('2020-07-09', '16:00'),
  format: 'virtual',
  venue: VENUE_VIRTUAL,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_2_GE_20_2020-07-07',
  agenda: [
    item('opening', ['2020-07-07', '13:00', '13:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'other',
      ['2020-07-07', '13:15', '16:00'],
      {
        ar: 'القضايا المتعلقة بالبراءات وصفة المخترع',
        zh: '与专利和发明人身份有关的议题',
        en: 'Issues on patents and inventorship',
        fr: "Questions relatives aux brevets et à la qualité d'inventeur",
        ru: 'Вопросы, касающиеся патентов и статуса изобретателя',
        es: 'Cuestiones relativas a las patentes y la condición de inventor',
      },
      {
        en: 'Discussion of the issues on inventorship, patentable subject matter, inventive step and disclosure.',
        fr: "Examen des questions relatives à la qualité d'inventeur, à l'objet brevetable, à l'activité inventive et à l'exposé de l'invention.",
        es: 'Examen de las cuestiones relativas a la condición de inventor, la materia patentable, la actividad inventiva y la divulgación.',
      },
      { chair: ['kwame-asante'] },
    ),
    item(
      'other',
      ['2020-07-08', '13:00', '16:00'],
      {
        ar: 'القضايا المتعلقة بحق المؤلف والحقوق المجاورة والبيانات',
        zh: '与版权、相关权和数据有关的议题',
        en: 'Issues on copyright, related rights and data',
        fr: "Questions relatives au droit d'auteur, aux droits connexes et aux données",
        ru: 'Вопросы, касающиеся авторского права, смежных прав и данных',
        es: 'Cuestiones relativas al derecho de autor, los derechos conexos y los datos',
      },
      {
        en: 'Discussion of authorship and ownership of AI-generated works, infringement and exceptions, deepfakes, and data.',
        fr: "Examen des questions relatives à la qualité d'auteur et à la titularité des œuvres générées par l'IA, aux atteintes et aux exceptions, aux hypertrucages et aux données.",
        es: 'Examen de las cuestiones relativas a la autoría y la titularidad de las obras generadas por IA, las infracciones y las excepciones, las ultrafalsificaciones y los datos.',
      },
      { moderator: ['sofia-valenzuela'] },
    ),
    item(
      'other',
      ['2020-07-09', '13:00', '15:30'],
      {
        ar: 'القضايا المتعلقة بالتصاميم والعلامات التجارية والأسرار التجارية وتكوين الكفاءات',
        zh: '与外观设计、商标、商业秘密和能力建设有关的议题',
        en: 'Issues on designs, trademarks, trade secrets and capacity building',
        fr: "Questions relatives aux dessins et modèles, aux marques, aux secrets d'affaires et au renforcement des capacités",
        ru: 'Вопросы, касающиеся промышленных образцов, товарных знаков, коммерческой тайны и укрепления потенциала',
        es: 'Cuestiones relativas a los diseños, las marcas, los secretos comerciales y el fortalecimiento de capacidades',
      },
      {
        en: 'Discussion of the remaining issues, including the technology gap between countries and accountability for IP administrative decisions.',
        fr: 'Examen des questions restantes, notamment le fossé technologique entre les pays et la responsabilité liée aux décisions administratives en matière de propriété intellectuelle.',
        es: 'Examen de las cuestiones restantes, entre ellas la brecha tecnológica entre países y la rendición de cuentas por las decisiones administrativas en materia de propiedad intelectual.',
      },
      { moderator: ['priya-raghunathan'] },
    ),
    item('closing', ['2020-07-09', '15:30', '16:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/2/GE/20', 2, '2020-06-16'),
    {
      symbol: 'WIPO/IP/AI/2/GE/20/1',
      kind: 'issues_paper',
      publishedOn: '2019-12-13',
      locales: ALL_LOCALES,
      title: {
        ar: 'مشروع ورقة القضايا بشأن سياسة الملكية الفكرية والذكاء الاصطناعي',
        zh: '关于知识产权政策和人工智能问题的议题文件草案',
        en: 'Draft Issues Paper on Intellectual Property Policy and Artificial Intelligence',
        fr: "Projet de document de synthèse sur les politiques de propriété intellectuelle et l'intelligence artificielle",
        ru: 'Проект документа с перечнем вопросов по политике в области интеллектуальной собственности и искусственному интеллекту',
        es: 'Proyecto de documento sobre las políticas de propiedad intelectual y la inteligencia artificial',
      },
    },
    {
      symbol: 'WIPO/IP/AI/2/GE/20/1 REV.',
      kind: 'issues_paper',
      publishedOn: '2020-05-21',
      locales: ALL_LOCALES,
      title: {
        ar: 'ورقة القضايا المنقحة بشأن سياسة الملكية الفكرية والذكاء الاصطناعي',
        zh: '关于知识产权政策和人工智能问题的议题文件修订稿',
        en: 'Revised Issues Paper on Intellectual Property Policy and Artificial Intelligence',
        fr: "Document de synthèse révisé sur les politiques de propriété intellectuelle et l'intelligence artificielle",
        ru: 'Пересмотренный документ с перечнем вопросов по политике в области интеллектуальной собственности и искусственному интеллекту',
        es: 'Documento revisado sobre las políticas de propiedad intelectual y la inteligencia artificial',
      },
    },
  ],
};

const SESSION_3: DemoSession = {
  number: 3,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'الذكاء الاصطناعي وسياسة الملكية الفكرية: من القضايا إلى الأولويات',
    zh: '人工智能与知识产权政策：从议题到优先事项',
    en: 'AI and IP Policy: From Issues to Priorities',
    fr: 'IA et politique de propriété intellectuelle : des questions aux priorités',
    ru: 'ИИ и политика в области ИС: от вопросов к приоритетам',
    es: 'IA y políticas de propiedad intelectual: de las cuestiones a las prioridades',
  },
  subject: SESSION_1.subject,
  description: {
    en: 'The third session, held online, looked at which of the issues identified in the consultation matter most to policy makers, and why. Member States shared their first policy responses to artificial intelligence, and experts discussed where further work is needed.',
    fr: "La troisième session, tenue en ligne, a cherché à déterminer lesquelles des questions recensées lors de la consultation importent le plus aux décideurs, et pourquoi. Des États membres ont présenté leurs premières réponses politiques à l'intelligence artificielle, et des experts ont examiné les domaines où des travaux supplémentaires sont nécessaires.",
    es: 'La tercera sesión, celebrada en línea, analizó cuáles de las cuestiones señaladas en la consulta son más importantes para los responsables de políticas, y por qué. Varios Estados miembros presentaron sus primeras respuestas normativas a la inteligencia artificial y los expertos debatieron en qué ámbitos se necesita seguir trabajando.',
  },
  startsAt: inGeneva('2020-11-04', '13:00'),
  endsAt: inGeneva('2020-11-04', '17:00'),
  format: 'virtual',
  venue: VENUE_VIRTUAL,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_3_GE_20_2020-11-04',
  agenda: [
    item('opening', ['2020-11-04', '13:00', '13:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2020-11-04', '13:15', '14:45'],
      {
        ar: 'حلقة نقاش: أولويات السياسات بعد المشاورة',
        zh: '小组讨论：磋商后的政策优先事项',
        en: 'Panel: Policy priorities after the consultation',
        fr: "Table ronde : priorités politiques à l'issue de la consultation",
        ru: 'Дискуссионная группа: политические приоритеты по итогам консультаций',
        es: 'Panel: prioridades normativas tras la consulta',
      },
      {
        en: 'Experts discuss which issues raised in the public consultation call for action first.',
        fr: 'Des experts examinent quelles questions soulevées lors de la consultation publique appellent une action en priorité.',
        es: 'Los expertos debaten qué cuestiones planteadas en la consulta pública requieren medidas en primer lugar.',
      },
      { moderator: ['priya-raghunathan'], panelist: ['olga-sokolova', 'mateo-gonzalez-ruiz', 'chen-jing'] },
    ),
    item(
      'sharing',
      ['2020-11-04', '14:45', '16:30'],
      {
        ar: 'جلسة تبادل الخبرات: استجابات الدول الأعضاء على صعيد السياسات',
        zh: '经验分享：成员国的政策应对',
        en: 'Sharing session: Member State policy responses',
        fr: 'Séance de partage : réponses politiques des États membres',
        ru: 'Обмен опытом: меры политики государств-членов',
        es: 'Sesión de intercambio: respuestas normativas de los Estados miembros',
      },
      {
        en: 'Member States present national strategies, studies and guidance on AI and IP.',
        fr: "Des États membres présentent leurs stratégies nationales, études et orientations sur l'IA et la propriété intellectuelle.",
        es: 'Los Estados miembros presentan estrategias nacionales, estudios y orientaciones sobre la IA y la propiedad intelectual.',
      },
      { moderator: ['kwame-asante'], speaker: ['amara-okafor', 'yousef-al-harbi'] },
    ),
    item('closing', ['2020-11-04', '16:30', '17:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/3/GE/20', 3, '2020-10-14'),
    programmeDocument('WIPO/IP/AI/3/GE/20', 3, '2020-10-28'),
    summaryDocument('WIPO/IP/AI/3/GE/20', 3, '2020-12-10', EN_ONLY),
  ],
};

const SESSION_4: DemoSession = {
  number: 4,
  theme: 'data-and-ip',
  title: {
    ar: 'البيانات: ما بعد الذكاء الاصطناعي',
    zh: '数据：超越人工智能',
    en: 'Data: Beyond Artificial Intelligence',
    fr: "Les données : au-delà de l'intelligence artificielle",
    ru: 'Данные: за пределами искусственного интеллекта',
    es: 'Los datos: más allá de la inteligencia artificial',
  },
  subject: {
    ar: 'البيانات والملكية الفكرية',
    zh: '数据与知识产权',
    en: 'Data and IP',
    fr: 'Les données et la propriété intellectuelle',
    ru: 'Данные и ИС',
    es: 'Los datos y la propiedad intelectual',
  },
  description: {
    en: "The first session under the Conversation's wider name turned to data, the resource on which AI and much of the digital economy depend. Speakers examined how existing IP rights apply to data and what a balanced approach to access and protection could look like.",
    fr: "Première session tenue sous le nom élargi du Dialogue, elle a porté sur les données, ressource dont dépendent l'IA et une grande partie de l'économie numérique. Les intervenants ont examiné la manière dont les droits de propriété intellectuelle existants s'appliquent aux données et ce que pourrait être une approche équilibrée de l'accès et de la protection.",
    es: 'Primera sesión celebrada con el nombre ampliado del Diálogo, se centró en los datos, el recurso del que dependen la IA y gran parte de la economía digital. Los ponentes examinaron cómo se aplican a los datos los derechos de propiedad intelectual existentes y cómo podría ser un enfoque equilibrado del acceso y la protección.',
  },
  startsAt: inGeneva('2021-09-22', '13:00'),
  endsAt: inGeneva('2021-09-22', '16:30'),
  format: 'virtual',
  venue: VENUE_VIRTUAL,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_DATA_GE_21_2021-09-22',
  agenda: [
    item('opening', ['2021-09-22', '13:00', '13:15'], OPENING, OPENING_TEXT, { speaker: ['kwame-asante'] }),
    item(
      'keynote',
      ['2021-09-22', '13:15', '14:00'],
      {
        ar: 'الكلمة الرئيسية: البيانات وقوداً للاقتصاد الرقمي',
        zh: '主旨演讲：数据是数字经济的燃料',
        en: 'Keynote: Data as the fuel of the digital economy',
        fr: "Discours liminaire : les données, carburant de l'économie numérique",
        ru: 'Основной доклад: данные как топливо цифровой экономики',
        es: 'Discurso principal: los datos, combustible de la economía digital',
      },
      {
        en: 'Why data has become a strategic asset and what that means for IP policy.',
        fr: 'Pourquoi les données sont devenues un actif stratégique et ce que cela implique pour les politiques de propriété intellectuelle.',
        es: 'Por qué los datos se han convertido en un activo estratégico y qué implica ello para las políticas de propiedad intelectual.',
      },
      { speaker: ['nadia-benali'] },
    ),
    item(
      'panel',
      ['2021-09-22', '14:00', '15:30'],
      {
        ar: 'حلقة نقاش: البيانات وحقوق الملكية الفكرية القائمة',
        zh: '小组讨论：数据与现有知识产权',
        en: 'Panel: Data and existing IP rights',
        fr: 'Table ronde : les données et les droits de propriété intellectuelle existants',
        ru: 'Дискуссионная группа: данные и существующие права ИС',
        es: 'Panel: los datos y los derechos de propiedad intelectual existentes',
      },
      {
        en: 'Copyright, database rights and trade secrets: what they protect in data, what they leave out, and the place of data sovereignty.',
        fr: "Droit d'auteur, droits sur les bases de données et secrets d'affaires : ce qu'ils protègent dans les données, ce qu'ils laissent de côté et la place de la souveraineté des données.",
        es: 'Derecho de autor, derechos sobre bases de datos y secretos comerciales: qué protegen de los datos, qué dejan fuera y qué lugar ocupa la soberanía de los datos.',
      },
      { moderator: ['grace-wanjiru'], panelist: ['aroha-henare', 'tomasz-wisniewski', 'olga-sokolova'] },
    ),
    item('open_floor', ['2021-09-22', '15:30', '16:15'], OPEN_FLOOR, OPEN_FLOOR_TEXT, {
      chair: ['kwame-asante'],
    }),
    item('closing', ['2021-09-22', '16:15', '16:30'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/DATA/GE/21', 4, '2021-09-01'),
    programmeDocument('WIPO/IP/DATA/GE/21', 4, '2021-09-15'),
  ],
};

const SESSION_5: DemoSession = {
  number: 5,
  theme: 'new-technologies-for-ip-administration',
  title: {
    ar: 'التكنولوجيات الجديدة في مكاتب الملكية الفكرية: من المشاريع التجريبية إلى التطبيق',
    zh: '知识产权局中的新技术：从试点到实践',
    en: 'New Technologies in IP Offices: From Pilots to Practice',
    fr: 'Les nouvelles technologies dans les offices de propriété intellectuelle : des projets pilotes à la pratique',
    ru: 'Новые технологии в ведомствах ИС: от пилотных проектов к практике',
    es: 'Las nuevas tecnologías en las oficinas de propiedad intelectual: de los proyectos piloto a la práctica',
  },
  subject: {
    ar: 'التكنولوجيات الجديدة لإدارة الملكية الفكرية',
    zh: '用于知识产权管理的新技术',
    en: 'New technologies for IP administration',
    fr: "Les nouvelles technologies au service de l'administration de la propriété intellectuelle",
    ru: 'Новые технологии для администрирования ИС',
    es: 'Nuevas tecnologías para la administración de la propiedad intelectual',
  },
  description: {
    en: 'IP offices from several regions showed how they use artificial intelligence and other new technologies to classify, search and examine applications and to serve their users. The session looked at what worked, what did not, and how offices can cooperate and share tools.',
    fr: "Des offices de propriété intellectuelle de plusieurs régions ont montré comment ils utilisent l'intelligence artificielle et d'autres technologies nouvelles pour classer, rechercher et examiner les demandes et pour servir leurs usagers. La session a examiné ce qui a fonctionné, ce qui n'a pas fonctionné, et comment les offices peuvent coopérer et partager des outils.",
    es: 'Oficinas de propiedad intelectual de varias regiones mostraron cómo utilizan la inteligencia artificial y otras tecnologías nuevas para clasificar, buscar y examinar solicitudes y para atender a sus usuarios. La sesión analizó lo que funcionó, lo que no y cómo pueden las oficinas cooperar y compartir herramientas.',
  },
  startsAt: inGeneva('2022-04-06', '13:00'),
  endsAt: inGeneva('2022-04-06', '16:00'),
  format: 'virtual',
  venue: VENUE_VIRTUAL,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_ITAI_GE_22_2022-04-06',
  agenda: [
    item('opening', ['2022-04-06', '13:00', '13:10'], OPENING, OPENING_TEXT, { speaker: ['kwame-asante'] }),
    item(
      'panel',
      ['2022-04-06', '13:10', '14:30'],
      {
        ar: 'حلقة نقاش: الذكاء الاصطناعي للتصنيف والبحث والفحص',
        zh: '小组讨论：人工智能用于分类、检索和审查',
        en: 'Panel: AI for classification, search and examination',
        fr: "Table ronde : l'IA au service du classement, de la recherche et de l'examen",
        ru: 'Дискуссионная группа: ИИ для классификации, поиска и экспертизы',
        es: 'Panel: la IA para la clasificación, la búsqueda y el examen',
      },
      {
        en: 'Offices describe AI tools for classifying applications, searching prior art and images, and supporting examiners.',
        fr: "Des offices présentent des outils d'IA permettant de classer les demandes, de rechercher l'état de la technique et les images, et d'assister les examinateurs.",
        es: 'Varias oficinas describen herramientas de IA para clasificar solicitudes, buscar el estado de la técnica e imágenes y asistir a los examinadores.',
      },
      { moderator: ['kwame-asante'], panelist: ['hiroshi-tanabe', 'park-min-jun', 'yousef-al-harbi'] },
    ),
    item(
      'sharing',
      ['2022-04-06', '14:30', '15:40'],
      {
        ar: 'جلسة تبادل الخبرات: تجارب مكاتب الملكية الفكرية',
        zh: '经验分享：知识产权局的经验',
        en: 'Sharing session: IP office experiences',
        fr: "Séance de partage : l'expérience des offices de propriété intellectuelle",
        ru: 'Обмен опытом: практика ведомств ИС',
        es: 'Sesión de intercambio: experiencias de las oficinas de propiedad intelectual',
      },
      {
        en: 'Offices share lessons from digital services, blockchain pilots and chatbots for users.',
        fr: 'Des offices font part des enseignements tirés des services numériques, des projets pilotes de chaîne de blocs et des agents conversationnels destinés aux usagers.',
        es: 'Las oficinas comparten las enseñanzas extraídas de los servicios digitales, los proyectos piloto de cadena de bloques y los asistentes conversacionales para usuarios.',
      },
      { moderator: ['hiroshi-tanabe'], speaker: ['aigerim-bekova', 'mateo-gonzalez-ruiz', 'amara-okafor'] },
    ),
    item('closing', ['2022-04-06', '15:40', '16:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/ITAI/GE/22', 5, '2022-03-16'),
    programmeDocument('WIPO/IP/ITAI/GE/22', 5, '2022-03-30', EN_ONLY),
  ],
};

const SESSION_6: DemoSession = {
  number: 6,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'اختراعات الذكاء الاصطناعي: كيف تدعم مكاتب الملكية الفكرية الذكاء الاصطناعي وتفحصه',
    zh: '人工智能发明：知识产权局如何支持和审查人工智能',
    en: 'AI Inventions: How IP Offices Support and Examine AI',
    fr: "Les inventions liées à l'IA : comment les offices de propriété intellectuelle soutiennent et examinent l'IA",
    ru: 'Изобретения в области ИИ: как ведомства ИС поддерживают ИИ и проводят экспертизу',
    es: 'Las invenciones relacionadas con la IA: cómo apoyan y examinan la IA las oficinas de propiedad intelectual',
  },
  subject: {
    ar: 'اختراعات الذكاء الاصطناعي وكيف تدعم مكاتب الملكية الفكرية الذكاء الاصطناعي',
    zh: '人工智能发明以及知识产权局如何支持人工智能',
    en: 'AI inventions and how IP offices support AI',
    fr: "Les inventions liées à l'IA et le soutien des offices de propriété intellectuelle à l'IA",
    ru: 'Изобретения в области ИИ и поддержка ИИ со стороны ведомств ИС',
    es: 'Las invenciones relacionadas con la IA y el apoyo de las oficinas de propiedad intelectual a la IA',
  },
  description: {
    en: 'The sixth session examined inventions made with or by artificial intelligence: inventorship, sufficiency of disclosure and inventive step. IP offices then explained how they help AI innovators, from examination guidelines to fast-track programmes.',
    fr: "La sixième session a examiné les inventions réalisées avec ou par l'intelligence artificielle : qualité d'inventeur, suffisance de l'exposé et activité inventive. Des offices de propriété intellectuelle ont ensuite expliqué comment ils aident les innovateurs dans le domaine de l'IA, des directives d'examen aux procédures accélérées.",
    es: 'La sexta sesión examinó las invenciones realizadas con inteligencia artificial o por ella: la condición de inventor, la suficiencia de la divulgación y la actividad inventiva. A continuación, varias oficinas de propiedad intelectual explicaron cómo ayudan a los innovadores en IA, desde las directrices de examen hasta los programas de tramitación acelerada.',
  },
  startsAt: inGeneva('2022-09-21', '10:00'),
  endsAt: inGeneva('2022-09-21', '17:00'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_GE_22_2022-09-21',
  agenda: [
    item('opening', ['2022-09-21', '10:00', '10:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2022-09-21', '10:15', '12:30'],
      {
        ar: 'حلقة نقاش: صفة المخترع والكشف عن اختراعات الذكاء الاصطناعي',
        zh: '小组讨论：人工智能发明的发明人身份与公开',
        en: 'Panel: Inventorship and disclosure of AI inventions',
        fr: "Table ronde : qualité d'inventeur et exposé des inventions liées à l'IA",
        ru: 'Дискуссионная группа: статус изобретателя и раскрытие изобретений в области ИИ',
        es: 'Panel: la condición de inventor y la divulgación de las invenciones relacionadas con la IA',
      },
      {
        en: 'How patent law treats inventions made with or by AI, and what applicants must disclose.',
        fr: "Comment le droit des brevets traite les inventions réalisées avec ou par l'IA, et ce que les déposants doivent divulguer.",
        es: 'Cómo trata el derecho de patentes las invenciones realizadas con IA o por ella y qué deben divulgar los solicitantes.',
      },
      { moderator: ['priya-raghunathan'], panelist: ['hiroshi-tanabe', 'maya-thompson', 'thabo-mokoena'] },
    ),
    item(
      'sharing',
      ['2022-09-21', '14:30', '16:30'],
      {
        ar: 'جلسة تبادل الخبرات: كيف تدعم مكاتب الملكية الفكرية المبتكرين في مجال الذكاء الاصطناعي',
        zh: '经验分享：知识产权局如何支持人工智能创新者',
        en: 'Sharing session: How IP offices support AI innovators',
        fr: "Séance de partage : comment les offices de propriété intellectuelle soutiennent les innovateurs dans le domaine de l'IA",
        ru: 'Обмен опытом: как ведомства ИС поддерживают новаторов в области ИИ',
        es: 'Sesión de intercambio: cómo apoyan las oficinas de propiedad intelectual a los innovadores en IA',
      },
      {
        en: 'Examination guidelines, fast-track programmes and outreach to start-ups.',
        fr: "Directives d'examen, procédures accélérées et actions de sensibilisation auprès des jeunes entreprises.",
        es: 'Directrices de examen, programas de tramitación acelerada y actividades de divulgación dirigidas a las empresas emergentes.',
      },
      { moderator: ['kwame-asante'], speaker: ['park-min-jun', 'yousef-al-harbi', 'aigerim-bekova'] },
    ),
    item('closing', ['2022-09-21', '16:30', '17:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/GE/22', 6, '2022-08-31'),
    programmeDocument('WIPO/IP/AI/GE/22', 6, '2022-09-14'),
    summaryDocument('WIPO/IP/AI/GE/22', 6, '2022-10-26'),
  ],
};

const SESSION_7: DemoSession = {
  number: 7,
  theme: 'ip-and-the-metaverse',
  title: {
    ar: 'الملكية الفكرية والميتافيرس: عوالم افتراضية وحقوق حقيقية',
    zh: '知识产权与元宇宙：虚拟世界，真实权利',
    en: 'IP and the Metaverse: Virtual Worlds, Real Rights',
    fr: 'La propriété intellectuelle et le métavers : mondes virtuels, droits réels',
    ru: 'ИС и метавселенная: виртуальные миры, реальные права',
    es: 'La propiedad intelectual y el metaverso: mundos virtuales, derechos reales',
  },
  subject: {
    ar: 'الملكية الفكرية والميتافيرس',
    zh: '知识产权与元宇宙',
    en: 'IP and the metaverse',
    fr: 'La propriété intellectuelle et le métavers',
    ru: 'ИС и метавселенная',
    es: 'La propiedad intelectual y el metaverso',
  },
  description: {
    en: 'The seventh session explored what immersive virtual worlds mean for trademarks, designs and copyright. Brand owners, creators, platforms and IP offices discussed virtual goods, the classification of digital assets and enforcement across borders.',
    fr: "La septième session a étudié ce que les mondes virtuels immersifs impliquent pour les marques, les dessins et modèles et le droit d'auteur. Titulaires de marques, créateurs, plateformes et offices de propriété intellectuelle ont débattu des biens virtuels, de la classification des actifs numériques et du respect des droits par-delà les frontières.",
    es: 'La séptima sesión analizó lo que significan los mundos virtuales inmersivos para las marcas, los diseños y el derecho de autor. Titulares de marcas, creadores, plataformas y oficinas de propiedad intelectual debatieron sobre los bienes virtuales, la clasificación de los activos digitales y la observancia transfronteriza.',
  },
  startsAt: inGeneva('2023-03-22', '10:00'),
  endsAt: inGeneva('2023-03-22', '17:00'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_MV_GE_23_2023-03-22',
  agenda: [
    item('opening', ['2023-03-22', '10:00', '10:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'keynote',
      ['2023-03-22', '10:15', '10:45'],
      {
        ar: 'الكلمة الرئيسية: ما يعنيه الميتافيرس للملكية الفكرية',
        zh: '主旨演讲：元宇宙对知识产权意味着什么',
        en: 'Keynote: What the metaverse means for IP',
        fr: 'Discours liminaire : ce que le métavers implique pour la propriété intellectuelle',
        ru: 'Основной доклад: что метавселенная означает для ИС',
        es: 'Discurso principal: lo que significa el metaverso para la propiedad intelectual',
      },
      {
        en: 'A tour of immersive worlds today and the IP questions they already raise.',
        fr: "Un tour d'horizon des mondes immersifs actuels et des questions de propriété intellectuelle qu'ils soulèvent déjà.",
        es: 'Un recorrido por los mundos inmersivos actuales y las cuestiones de propiedad intelectual que ya plantean.',
      },
      { speaker: ['maya-thompson'] },
    ),
    item(
      'panel',
      ['2023-03-22', '10:45', '12:30'],
      {
        ar: 'حلقة نقاش: العلامات التجارية والتصاميم والسلع الافتراضية',
        zh: '小组讨论：商标、外观设计与虚拟商品',
        en: 'Panel: Trademarks, designs and virtual goods',
        fr: 'Table ronde : marques, dessins et modèles et biens virtuels',
        ru: 'Дискуссионная группа: товарные знаки, промышленные образцы и виртуальные товары',
        es: 'Panel: marcas, diseños y bienes virtuales',
      },
      {
        en: 'Classifying virtual goods, protecting brands in virtual worlds and registering designs for digital objects.',
        fr: "Classer les biens virtuels, protéger les marques dans les mondes virtuels et enregistrer les dessins et modèles d'objets numériques.",
        es: 'La clasificación de los bienes virtuales, la protección de las marcas en los mundos virtuales y el registro de diseños de objetos digitales.',
      },
      { moderator: ['sofia-valenzuela'], panelist: ['marcia-campbell', 'chen-jing', 'mateo-gonzalez-ruiz'] },
    ),
    item(
      'panel',
      ['2023-03-22', '14:30', '16:30'],
      {
        ar: 'حلقة نقاش: حق المؤلف وإنفاذ الحقوق في العوالم الغامرة',
        zh: '小组讨论：沉浸式世界中的版权与执法',
        en: 'Panel: Copyright and enforcement in immersive worlds',
        fr: "Table ronde : droit d'auteur et respect des droits dans les mondes immersifs",
        ru: 'Дискуссионная группа: авторское право и защита прав в иммерсивных мирах',
        es: 'Panel: derecho de autor y observancia en los mundos inmersivos',
      },
      {
        en: "Creators' works in virtual spaces, cross-border infringement and the role of platforms.",
        fr: 'Les œuvres des créateurs dans les espaces virtuels, les atteintes transfrontières et le rôle des plateformes.',
        es: 'Las obras de los creadores en los espacios virtuales, las infracciones transfronterizas y la función de las plataformas.',
      },
      { moderator: ['grace-wanjiru'], panelist: ['fatou-diop', 'olga-sokolova', 'rina-kusumawati'] },
    ),
    item('closing', ['2023-03-22', '16:30', '17:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/MV/GE/23', 7, '2023-03-01'),
    programmeDocument('WIPO/IP/MV/GE/23', 7, '2023-03-15'),
  ],
};

const SESSION_8: DemoSession = {
  number: 8,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'الذكاء الاصطناعي التوليدي والملكية الفكرية: الموسيقى والصور وغيرها من المحتوى',
    zh: '生成式人工智能与知识产权：音乐、图像及其他内容',
    en: 'Generative AI and IP: Music, Images and Other Content',
    fr: "L'IA générative et la propriété intellectuelle : musique, images et autres contenus",
    ru: 'Генеративный ИИ и ИС: музыка, изображения и другой контент',
    es: 'La IA generativa y la propiedad intelectual: música, imágenes y otros contenidos',
  },
  subject: {
    ar: 'الذكاء الاصطناعي التوليدي: الموسيقى والصور وغيرها من المحتوى',
    zh: '生成式人工智能：音乐、图像及其他内容',
    en: 'Generative AI: music, images and other content',
    fr: "L'IA générative : musique, images et autres contenus",
    ru: 'Генеративный ИИ: музыка, изображения и другой контент',
    es: 'La IA generativa: música, imágenes y otros contenidos',
  },
  description: {
    en: 'Held in Geneva and online, the eighth session looked at generative AI tools that compose music, draw images and write text. Creators, developers and rights holders discussed what these tools mean for creative work and for the IP system.',
    fr: "Tenue à Genève et en ligne, la huitième session a porté sur les outils d'IA générative qui composent de la musique, dessinent des images et rédigent des textes. Créateurs, développeurs et titulaires de droits ont débattu de ce que ces outils représentent pour le travail créatif et pour le système de la propriété intellectuelle.",
    es: 'Celebrada en Ginebra y en línea, la octava sesión se ocupó de las herramientas de IA generativa que componen música, crean imágenes y redactan textos. Creadores, desarrolladores y titulares de derechos debatieron sobre lo que estas herramientas suponen para el trabajo creativo y para el sistema de propiedad intelectual.',
  },
  startsAt: inGeneva('2023-09-20', '10:00'),
  endsAt: inGeneva('2023-09-20', '17:30'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_GE_23_2023-09-20',
  agenda: [
    item('opening', ['2023-09-20', '10:00', '10:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2023-09-20', '10:15', '12:30'],
      {
        ar: 'حلقة نقاش: الذكاء الاصطناعي التوليدي والموسيقى',
        zh: '小组讨论：生成式人工智能与音乐',
        en: 'Panel: Generative AI and music',
        fr: "Table ronde : l'IA générative et la musique",
        ru: 'Дискуссионная группа: генеративный ИИ и музыка',
        es: 'Panel: la IA generativa y la música',
      },
      {
        en: 'Composers, collective management organisations and developers on AI-generated music.',
        fr: "Compositeurs, organismes de gestion collective et développeurs débattent de la musique générée par l'IA.",
        es: 'Compositores, organizaciones de gestión colectiva y desarrolladores debaten sobre la música generada por IA.',
      },
      {
        moderator: ['lena-brandt'],
        panelist: ['joao-ferreira-santos', 'marcia-campbell', 'tomasz-wisniewski'],
      },
    ),
    item(
      'panel',
      ['2023-09-20', '14:30', '16:30'],
      {
        ar: 'حلقة نقاش: الصور والنصوص وغيرها من المحتوى المولَّد',
        zh: '小组讨论：图像、文本及其他生成内容',
        en: 'Panel: Images, text and other generated content',
        fr: 'Table ronde : images, textes et autres contenus générés',
        ru: 'Дискуссионная группа: изображения, тексты и другой генерируемый контент',
        es: 'Panel: imágenes, textos y otros contenidos generados',
      },
      {
        en: 'Visual artists, publishers and AI companies on what generative tools change for their work.',
        fr: "Artistes visuels, éditeurs et entreprises d'IA évoquent ce que les outils génératifs changent pour leur travail.",
        es: 'Artistas visuales, editores y empresas de IA explican qué cambian las herramientas generativas en su trabajo.',
      },
      { moderator: ['sofia-valenzuela'], panelist: ['fatou-diop', 'rina-kusumawati', 'maya-thompson'] },
    ),
    item('open_floor', ['2023-09-20', '16:30', '17:15'], OPEN_FLOOR, OPEN_FLOOR_TEXT, {
      chair: ['kwame-asante'],
    }),
    item('closing', ['2023-09-20', '17:15', '17:30'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/GE/23', 8, '2023-08-30'),
    programmeDocument('WIPO/IP/AI/GE/23', 8, '2023-09-13'),
    summaryDocument('WIPO/IP/AI/GE/23', 8, '2023-11-08', EN_ONLY),
  ],
};

const S9_DAY_1 = '2024-03-13';
const S9_DAY_2 = '2024-03-14';

const S9_COFFEE: AllLocalesText = {
  ar: 'تُقدَّم القهوة في البهو.',
  zh: '咖啡在休息厅供应。',
  en: 'Coffee is served in the foyer.',
  fr: 'Café servi dans le foyer.',
  ru: 'Кофе подается в фойе.',
  es: 'Se sirve café en el vestíbulo.',
};

const S9_LUNCH: AllLocalesText = {
  ar: 'استراحة غداء للمشاركين الحاضرين؛ ويُستأنف البث المباشر مع البند التالي.',
  zh: '现场与会者午餐休息；网络直播将在下一议程项目开始时恢复。',
  en: 'Lunch break for participants in Geneva; the livestream resumes with the next item.',
  fr: 'Pause déjeuner pour les participants à Genève ; la diffusion en direct reprend avec le point suivant.',
  ru: 'Обеденный перерыв для участников в Женеве; трансляция возобновится со следующего пункта.',
  es: 'Pausa para el almuerzo de los participantes en Ginebra; la transmisión en directo se reanuda con el siguiente punto.',
};

const SESSION_9: DemoSession = {
  number: 9,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'تدريب الآلات – البايتات والحقوق ومعضلة حق المؤلف',
    zh: '训练机器——字节、权利与版权难题',
    en: 'Training the Machines – Bytes, Rights and the Copyright Conundrum',
    fr: "Entraîner les machines – octets, droits et l'énigme du droit d'auteur",
    ru: 'Обучение машин – байты, права и головоломка авторского права',
    es: 'Entrenar a las máquinas – bytes, derechos y el dilema del derecho de autor',
  },
  subject: {
    ar: 'بيانات التدريب وحق المؤلف',
    zh: '训练数据与版权',
    en: 'Training data and copyright',
    fr: "Les données d'entraînement et le droit d'auteur",
    ru: 'Данные для обучения и авторское право',
    es: 'Los datos de entrenamiento y el derecho de autor',
  },
  description: {
    ar: 'على مدى يومين في جنيف وعبر الإنترنت، بحثت الدورة التاسعة كيفية تدريب نماذج الذكاء الاصطناعي التوليدي وما يعنيه ذلك لحق المؤلف. وتناولت حلقات النقاش التكنولوجيا، والاستثناءات والترخيص، والشفافية والمكافأة، وتبادلت الدول الأعضاء وأصحاب المصلحة خبراتهم بشأن أولى الاستجابات على صعيد السياسات والسوق.',
    zh: '第九届会议在日内瓦现场和线上举行，为期两天，探讨了生成式人工智能模型如何训练以及这对版权意味着什么。各小组讨论涉及技术、例外与许可以及透明度与报酬，成员国和利益攸关方还分享了在首批政策和市场应对措施方面的经验。',
    en: 'Over two days in Geneva and online, the ninth session examined how generative AI models are trained and what this means for copyright. Panels covered the technology, exceptions and licensing, and transparency and remuneration, and Member States and stakeholders shared their experience of the first policy and market responses.',
    fr: "Pendant deux jours, à Genève et en ligne, la neuvième session a examiné la manière dont les modèles d'IA générative sont entraînés et ce que cela implique pour le droit d'auteur. Les tables rondes ont porté sur la technologie, les exceptions et les licences, ainsi que sur la transparence et la rémunération, et des États membres et des parties prenantes ont fait part de leur expérience des premières réponses des pouvoirs publics et du marché.",
    ru: 'В течение двух дней в Женеве и в онлайн-формате участники девятой сессии рассматривали, как обучаются модели генеративного ИИ и что это означает для авторского права. Дискуссионные группы были посвящены технологиям, исключениям и лицензированию, а также прозрачности и вознаграждению, а государства-члены и заинтересованные стороны поделились опытом первых мер регулирования и рыночных решений.',
    es: 'Durante dos días, en Ginebra y en línea, la novena sesión examinó cómo se entrenan los modelos de IA generativa y qué implica ello para el derecho de autor. Los paneles abordaron la tecnología, las excepciones y las licencias, así como la transparencia y la remuneración, y Estados miembros y partes interesadas compartieron su experiencia con las primeras respuestas normativas y de mercado.',
  },
  startsAt: inGeneva(S9_DAY_1, '10:00'),
  endsAt: inGeneva(S9_DAY_2, '16:45'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  livestreamUrl: 'https://webcast.wipo.int/live/WIPO_IP_AI_GE_24',
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_GE_24_2024-03-13',
  agenda: [
    item(
      'opening',
      [S9_DAY_1, '10:00', '10:20'],
      OPENING,
      {
        ar: 'تفتتح نائبة المدير العام للويبو الدورة وتوضح لماذا أصبحت بيانات التدريب مسألة محورية بالنسبة لحق المؤلف.',
        zh: '产权组织副总干事宣布会议开幕，并阐述为何训练数据已成为版权领域的核心问题。',
        en: 'The WIPO Deputy Director General opens the session and explains why training data has become a central question for copyright.',
        fr: "La Vice-directrice générale de l'OMPI ouvre la session et explique pourquoi les données d'entraînement sont devenues une question centrale pour le droit d'auteur.",
        ru: 'Заместитель Генерального директора ВОИС открывает сессию и объясняет, почему данные для обучения стали одним из центральных вопросов авторского права.',
        es: 'La Directora General Adjunta de la OMPI inaugura la sesión y explica por qué los datos de entrenamiento se han convertido en una cuestión central para el derecho de autor.',
      },
      { chair: ['kwame-asante'], speaker: ['helene-marchetti'] },
    ),
    item(
      'keynote',
      [S9_DAY_1, '10:20', '10:50'],
      {
        ar: 'الكلمة الرئيسية: التعلّم من مصنفات العالم',
        zh: '主旨演讲：从世界各地的作品中学习',
        en: "Keynote: Learning from the world's works",
        fr: 'Discours liminaire : apprendre des œuvres du monde entier',
        ru: 'Основной доклад: обучение на произведениях всего мира',
        es: 'Discurso principal: aprender de las obras del mundo',
      },
      {
        ar: 'كيف أصبحت المجموعات الضخمة من النصوص والصور والموسيقى المادة الخام للذكاء الاصطناعي التوليدي، وما يثيره ذلك من مسائل تتعلق بحق المؤلف.',
        zh: '海量文本、图像和音乐如何成为生成式人工智能的原材料，以及由此引发的版权问题。',
        en: 'How vast collections of text, images and music became the raw material of generative AI, and the copyright questions this raises.',
        fr: "Comment de vastes ensembles de textes, d'images et de musique sont devenus la matière première de l'IA générative, et les questions de droit d'auteur que cela soulève.",
        ru: 'Как огромные массивы текстов, изображений и музыки стали сырьем для генеративного ИИ и какие вопросы авторского права это порождает.',
        es: 'Cómo grandes colecciones de textos, imágenes y música se convirtieron en la materia prima de la IA generativa y qué cuestiones de derecho de autor plantea ello.',
      },
      { speaker: ['priya-raghunathan'] },
    ),
    item('break', [S9_DAY_1, '10:50', '11:10'], COFFEE_BREAK, S9_COFFEE),
    item(
      'panel',
      [S9_DAY_1, '11:10', '12:40'],
      {
        ar: 'حلقة النقاش الأولى: كيف تُدرَّب نماذج الذكاء الاصطناعي التوليدي',
        zh: '第一小组讨论：生成式人工智能模型如何训练',
        en: 'Panel 1: How generative AI models are trained',
        fr: "Table ronde 1 : comment les modèles d'IA générative sont entraînés",
        ru: 'Дискуссионная группа 1: как обучаются модели генеративного ИИ',
        es: 'Panel 1: cómo se entrenan los modelos de IA generativa',
      },
      {
        ar: 'مدخل تقني: كيف تُجمع بيانات التدريب وتُنقّى وتُستخدم، وما الذي يحتفظ به النموذج، ولماذا يهم ذلك حق المؤلف.',
        zh: '技术入门：训练数据如何收集、筛选和使用，模型会保留哪些内容，以及这为何对版权至关重要。',
        en: 'A technical primer: how training data is collected, filtered and used, what a model retains, and why it matters for copyright.',
        fr: "Une introduction technique : comment les données d'entraînement sont collectées, filtrées et utilisées, ce qu'un modèle en retient, et pourquoi cela compte pour le droit d'auteur.",
        ru: 'Техническое введение: как собираются, фильтруются и используются данные для обучения, что модель сохраняет и почему это важно для авторского права.',
        es: 'Una introducción técnica: cómo se recopilan, filtran y utilizan los datos de entrenamiento, qué retiene un modelo y por qué es importante para el derecho de autor.',
      },
      {
        moderator: ['nadia-benali'],
        panelist: ['tomasz-wisniewski', 'chen-jing', 'maya-thompson'],
      },
    ),
    item('break', [S9_DAY_1, '12:40', '14:30'], LUNCH_BREAK, S9_LUNCH),
    item(
      'panel',
      [S9_DAY_1, '14:30', '16:00'],
      {
        ar: 'حلقة النقاش الثانية: بيانات التدريب وحق المؤلف – الاستثناءات والتراخيص وخيار الانسحاب',
        zh: '第二小组讨论：训练数据与版权——例外、许可与选择退出',
        en: 'Panel 2: Training data and copyright – exceptions, licences and opt-outs',
        fr: "Table ronde 2 : données d'entraînement et droit d'auteur – exceptions, licences et options de retrait",
        ru: 'Дискуссионная группа 2: данные для обучения и авторское право – исключения, лицензии и отказ от использования',
        es: 'Panel 2: datos de entrenamiento y derecho de autor – excepciones, licencias y exclusión voluntaria',
      },
      {
        ar: 'مقارنة بين الولايات القضائية فيما يخص استثناءات التنقيب في النصوص والبيانات، والترخيص الجماعي والمباشر، والتحفظات على الحقوق المقروءة آلياً.',
        zh: '比较不同法域的文本与数据挖掘例外、集体许可和直接许可，以及机器可读的权利保留。',
        en: 'Text and data mining exceptions, collective and direct licensing, and machine-readable reservations of rights, compared across jurisdictions.',
        fr: "Les exceptions pour la fouille de textes et de données, les licences collectives et directes et les réserves de droits lisibles par machine, comparées d'un pays à l'autre.",
        ru: 'Сравнение подходов разных юрисдикций: исключения для анализа текстов и данных, коллективное и прямое лицензирование, машиночитаемые оговорки о сохранении прав.',
        es: 'Las excepciones para la minería de textos y datos, las licencias colectivas y directas y las reservas de derechos legibles por máquina, comparadas entre jurisdicciones.',
      },
      {
        moderator: ['sofia-valenzuela'],
        panelist: ['lena-brandt', 'thabo-mokoena', 'olga-sokolova', 'mateo-gonzalez-ruiz'],
      },
    ),
    item(
      'sharing',
      [S9_DAY_1, '16:00', '17:30'],
      {
        ar: 'جلسة تبادل الخبرات: تجارب الدول الأعضاء',
        zh: '经验分享：成员国的经验',
        en: 'Sharing session: Member State experiences',
        fr: "Séance de partage : l'expérience des États membres",
        ru: 'Обмен опытом: опыт государств-членов',
        es: 'Sesión de intercambio: experiencias de los Estados miembros',
      },
      {
        ar: 'تعرض الدول الأعضاء كيف تتناول قوانينها ومشاوراتها وإرشاداتها استخدام المصنفات المحمية في تدريب الذكاء الاصطناعي.',
        zh: '成员国分享本国法律、磋商和指南如何处理利用受保护作品训练人工智能的问题。',
        en: 'Member States share how their laws, consultations and guidance address the use of protected works to train AI.',
        fr: "Des États membres expliquent comment leur législation, leurs consultations et leurs orientations traitent de l'utilisation d'œuvres protégées pour entraîner l'IA.",
        ru: 'Государства-члены рассказывают, как их законодательство, консультации и методические рекомендации регулируют использование охраняемых произведений для обучения ИИ.',
        es: 'Los Estados miembros explican cómo abordan sus leyes, consultas y orientaciones el uso de obras protegidas para entrenar la IA.',
      },
      {
        moderator: ['kwame-asante'],
        speaker: ['amara-okafor', 'park-min-jun', 'yousef-al-harbi', 'aigerim-bekova'],
      },
    ),
    item(
      'panel',
      [S9_DAY_2, '10:00', '11:30'],
      {
        ar: 'حلقة النقاش الثالثة: الشفافية والمكافأة ووجهة نظر المبدعين',
        zh: '第三小组讨论：透明度、报酬与创作者视角',
        en: "Panel 3: Transparency, remuneration and the creators' perspective",
        fr: 'Table ronde 3 : transparence, rémunération et point de vue des créateurs',
        ru: 'Дискуссионная группа 3: прозрачность, вознаграждение и позиция авторов',
        es: 'Panel 3: transparencia, remuneración y la perspectiva de los creadores',
      },
      {
        ar: 'يناقش الملحنون والفنانون التشكيليون والمؤلفون الإفصاح عن بيانات التدريب والموافقة والمكافأة العادلة.',
        zh: '作曲家、视觉艺术家和作家讨论训练数据的披露、同意以及公平报酬问题。',
        en: 'Composers, visual artists and authors discuss disclosure of training data, consent and fair remuneration.',
        fr: "Compositeurs, artistes visuels et auteurs débattent de la divulgation des données d'entraînement, du consentement et d'une rémunération équitable.",
        ru: 'Композиторы, художники и писатели обсуждают раскрытие данных для обучения, согласие правообладателей и справедливое вознаграждение.',
        es: 'Compositores, artistas visuales y autores debaten sobre la divulgación de los datos de entrenamiento, el consentimiento y una remuneración equitativa.',
      },
      {
        moderator: ['grace-wanjiru'],
        panelist: ['joao-ferreira-santos', 'fatou-diop', 'marcia-campbell'],
      },
    ),
    item('break', [S9_DAY_2, '11:30', '11:50'], COFFEE_BREAK, S9_COFFEE),
    item(
      'sharing',
      [S9_DAY_2, '11:50', '13:00'],
      {
        ar: 'جلسة تبادل الخبرات: تجارب أصحاب المصلحة',
        zh: '经验分享：利益攸关方的经验',
        en: 'Sharing session: Stakeholder experiences',
        fr: "Séance de partage : l'expérience des parties prenantes",
        ru: 'Обмен опытом: опыт заинтересованных сторон',
        es: 'Sesión de intercambio: experiencias de las partes interesadas',
      },
      {
        ar: 'يعرض الناشرون والمجتمع المدني ومبادرات الشعوب الأصلية في مجال البيانات نُهجاً عملية بشأن الموافقة والترخيص والنفاذ.',
        zh: '出版商、民间社会和原住民数据倡议分享在同意、许可和获取方面的实践做法。',
        en: 'Publishers, civil society and indigenous data initiatives share practical approaches to consent, licensing and access.',
        fr: "Des éditeurs, la société civile et des initiatives autochtones en matière de données présentent des approches concrètes du consentement, des licences et de l'accès.",
        ru: 'Издатели, гражданское общество и инициативы коренных народов в сфере данных делятся практическими подходами к согласию, лицензированию и доступу.',
        es: 'Editores, la sociedad civil e iniciativas indígenas sobre datos comparten enfoques prácticos en materia de consentimiento, licencias y acceso.',
      },
      { moderator: ['kwame-asante'], speaker: ['rina-kusumawati', 'aroha-henare'] },
    ),
    item('break', [S9_DAY_2, '13:00', '14:30'], LUNCH_BREAK, S9_LUNCH),
    item(
      'open_floor',
      [S9_DAY_2, '14:30', '16:15'],
      OPEN_FLOOR,
      {
        ar: 'يأخذ المشاركون في القاعة وعبر الإنترنت الكلمة لطرح الأسئلة والتعليقات؛ ويمكن أيضاً تقديم الأسئلة كتابةً.',
        zh: '现场和线上与会者发言提问和发表意见；也可以书面形式提交问题。',
        en: 'Participants in the room and online take the floor with questions and comments; questions can also be sent in writing.',
        fr: 'Les participants, dans la salle et en ligne, prennent la parole pour poser des questions et formuler des observations ; les questions peuvent aussi être envoyées par écrit.',
        ru: 'Участники в зале и онлайн выступают с вопросами и комментариями; вопросы можно также направить в письменном виде.',
        es: 'Los participantes, en la sala y en línea, toman la palabra para formular preguntas y comentarios; las preguntas también pueden enviarse por escrito.',
      },
      { chair: ['kwame-asante'] },
    ),
    item(
      'closing',
      [S9_DAY_2, '16:15', '16:45'],
      CLOSING,
      {
        ar: 'تلخص نائبة المدير العام للويبو أبرز نقاط اليومين وتعرض الخطوات التالية للمحادثة.',
        zh: '产权组织副总干事总结两天会议的要点，并概述对话的后续步骤。',
        en: 'The WIPO Deputy Director General sums up the main points of the two days and outlines the next steps of the Conversation.',
        fr: "La Vice-directrice générale de l'OMPI résume les principaux points des deux journées et présente les prochaines étapes du Dialogue.",
        ru: 'Заместитель Генерального директора ВОИС подводит итоги двух дней работы и излагает дальнейшие шаги в рамках Диалога.',
        es: 'La Directora General Adjunta de la OMPI resume los principales puntos de las dos jornadas y expone los próximos pasos del Diálogo.',
      },
      { chair: ['kwame-asante'], speaker: ['helene-marchetti'] },
    ),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/GE/24', 9, '2024-02-21', ALL_LOCALES),
    programmeDocument('WIPO/IP/AI/GE/24', 9, '2024-03-06'),
    summaryDocument('WIPO/IP/AI/GE/24', 9, '2024-04-24'),
  ],
};

const SESSION_10: DemoSession = {
  number: 10,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'لمن تعود النواتج؟ المحتوى المولَّد بالذكاء الاصطناعي والملكية الفكرية',
    zh: '产出归谁所有？人工智能生成内容与知识产权',
    en: 'Who Owns the Output? AI-Generated Content and IP',
    fr: "À qui appartient le résultat ? Les contenus générés par l'IA et la propriété intellectuelle",
    ru: 'Кому принадлежит результат? Контент, созданный ИИ, и ИС',
    es: '¿De quién es el resultado? Los contenidos generados por IA y la propiedad intelectual',
  },
  subject: {
    ar: 'نواتج الذكاء الاصطناعي',
    zh: '人工智能产出',
    en: 'AI outputs',
    fr: "Les productions de l'IA",
    ru: 'Результаты работы ИИ',
    es: 'Los resultados de la IA',
  },
  description: {
    en: 'The tenth session turned from the inputs of AI to its outputs. Speakers discussed whether and how works and inventions made with AI can be protected, how much human contribution is enough, and how offices register AI-assisted works.',
    fr: "La dixième session est passée des données d'entrée de l'IA à ses productions. Les intervenants se sont demandé si et comment les œuvres et les inventions réalisées à l'aide de l'IA peuvent être protégées, quelle part de contribution humaine est suffisante et comment les offices enregistrent les œuvres créées avec l'assistance de l'IA.",
    es: 'La décima sesión pasó de los insumos de la IA a sus resultados. Los ponentes debatieron si las obras e invenciones realizadas con IA pueden protegerse y de qué manera, cuánta contribución humana es suficiente y cómo registran las oficinas las obras creadas con asistencia de la IA.',
  },
  startsAt: inGeneva('2024-11-06', '10:00'),
  endsAt: inGeneva('2024-11-06', '16:30'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_10_GE_24_2024-11-06',
  agenda: [
    item('opening', ['2024-11-06', '10:00', '10:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2024-11-06', '10:15', '12:30'],
      {
        ar: 'حلقة نقاش: حماية النواتج المنجزة بمساعدة الذكاء الاصطناعي أو المولَّدة به',
        zh: '小组讨论：人工智能辅助和人工智能生成产出的保护',
        en: 'Panel: Protecting AI-assisted and AI-generated outputs',
        fr: "Table ronde : la protection des productions assistées ou générées par l'IA",
        ru: 'Дискуссионная группа: охрана результатов, созданных с помощью ИИ или самим ИИ',
        es: 'Panel: la protección de los resultados asistidos o generados por IA',
      },
      {
        en: 'Where the line of human authorship and inventorship lies, and what protection, if any, purely generated outputs should get.',
        fr: "Où passe la limite de la qualité d'auteur et d'inventeur humaine, et quelle protection accorder, le cas échéant, aux productions entièrement générées.",
        es: 'Dónde se sitúa el límite de la autoría y la condición de inventor humanas y qué protección, en su caso, deben recibir los resultados generados íntegramente por la IA.',
      },
      { moderator: ['thabo-mokoena'], panelist: ['mateo-gonzalez-ruiz', 'chen-jing', 'fatou-diop'] },
    ),
    item(
      'sharing',
      ['2024-11-06', '14:30', '16:15'],
      {
        ar: 'جلسة تبادل الخبرات: تسجيل المصنفات المنجزة بمساعدة الذكاء الاصطناعي',
        zh: '经验分享：人工智能辅助作品的登记',
        en: 'Sharing session: Registering AI-assisted works',
        fr: "Séance de partage : l'enregistrement des œuvres créées avec l'assistance de l'IA",
        ru: 'Обмен опытом: регистрация произведений, созданных с помощью ИИ',
        es: 'Sesión de intercambio: el registro de las obras creadas con asistencia de la IA',
      },
      {
        en: 'Copyright and IP offices share their registration practice and the first decisions on AI-assisted works.',
        fr: "Des offices du droit d'auteur et de la propriété intellectuelle présentent leurs pratiques d'enregistrement et les premières décisions concernant des œuvres créées avec l'assistance de l'IA.",
        es: 'Oficinas de derecho de autor y de propiedad intelectual exponen sus prácticas de registro y las primeras decisiones sobre obras creadas con asistencia de la IA.',
      },
      { moderator: ['kwame-asante'], speaker: ['amara-okafor', 'park-min-jun', 'aigerim-bekova'] },
    ),
    item('closing', ['2024-11-06', '16:15', '16:30'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/10/GE/24', 10, '2024-10-16'),
    programmeDocument('WIPO/IP/AI/10/GE/24', 10, '2024-10-30'),
  ],
};

const SESSION_11: DemoSession = {
  number: 11,
  theme: 'data-and-ip',
  title: {
    ar: 'البنية التحتية لحق المؤلف في عصر الذكاء الاصطناعي',
    zh: '人工智能时代的版权基础设施',
    en: 'Copyright Infrastructure for the Age of AI',
    fr: "L'infrastructure du droit d'auteur à l'ère de l'IA",
    ru: 'Инфраструктура авторского права в эпоху ИИ',
    es: 'La infraestructura del derecho de autor en la era de la IA',
  },
  subject: {
    ar: 'البنية التحتية لحق المؤلف',
    zh: '版权基础设施',
    en: 'Copyright infrastructure',
    fr: "L'infrastructure du droit d'auteur",
    ru: 'Инфраструктура авторского права',
    es: 'La infraestructura del derecho de autor',
  },
  description: {
    en: 'Licensing and remuneration at the scale of AI depend on knowing who owns what. The eleventh session looked at registries, identifiers, rights metadata and machine-readable reservations of rights, and at how they can work together across borders.',
    fr: "À l'échelle de l'IA, l'octroi de licences et la rémunération supposent de savoir qui détient quels droits. La onzième session s'est intéressée aux registres, aux identifiants, aux métadonnées relatives aux droits et aux réserves de droits lisibles par machine, ainsi qu'à leur interopérabilité par-delà les frontières.",
    es: 'A la escala de la IA, la concesión de licencias y la remuneración exigen saber quién es titular de qué. La undécima sesión examinó los registros, los identificadores, los metadatos sobre derechos y las reservas de derechos legibles por máquina, así como su funcionamiento conjunto a través de las fronteras.',
  },
  startsAt: inGeneva('2025-04-09', '10:00'),
  endsAt: inGeneva('2025-04-09', '17:00'),
  format: 'onsite',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_DATA_GE_25_2025-04-09',
  agenda: [
    item('opening', ['2025-04-09', '10:00', '10:15'], OPENING, OPENING_TEXT, { speaker: ['kwame-asante'] }),
    item(
      'keynote',
      ['2025-04-09', '10:15', '10:45'],
      {
        ar: 'الكلمة الرئيسية: أهمية المعلومات المتعلقة بالحقوق',
        zh: '主旨演讲：权利信息为何重要',
        en: 'Keynote: Why rights information matters',
        fr: "Discours liminaire : l'importance de l'information sur les droits",
        ru: 'Основной доклад: почему важна информация о правах',
        es: 'Discurso principal: la importancia de la información sobre derechos',
      },
      {
        en: 'Without reliable information on who owns what, neither licensing nor remuneration can work at scale.',
        fr: 'Sans information fiable sur la titularité des droits, ni les licences ni la rémunération ne peuvent fonctionner à grande échelle.',
        es: 'Sin información fiable sobre quién es titular de qué, ni las licencias ni la remuneración pueden funcionar a gran escala.',
      },
      { speaker: ['lena-brandt'] },
    ),
    item(
      'panel',
      ['2025-04-09', '10:45', '12:30'],
      {
        ar: 'حلقة نقاش: السجلات والمعرِّفات والبيانات الوصفية للحقوق',
        zh: '小组讨论：登记簿、标识符与权利元数据',
        en: 'Panel: Registries, identifiers and rights metadata',
        fr: 'Table ronde : registres, identifiants et métadonnées relatives aux droits',
        ru: 'Дискуссионная группа: реестры, идентификаторы и метаданные о правах',
        es: 'Panel: registros, identificadores y metadatos sobre derechos',
      },
      {
        en: 'How voluntary registration, standard identifiers and shared databases can make rights information reliable.',
        fr: "Comment l'enregistrement volontaire, les identifiants normalisés et les bases de données partagées peuvent rendre l'information sur les droits fiable.",
        es: 'Cómo el registro voluntario, los identificadores normalizados y las bases de datos compartidas pueden hacer fiable la información sobre derechos.',
      },
      { moderator: ['olga-sokolova'], panelist: ['mateo-gonzalez-ruiz', 'amara-okafor', 'aroha-henare'] },
    ),
    item(
      'panel',
      ['2025-04-09', '14:30', '16:30'],
      {
        ar: 'حلقة نقاش: التحفظات المقروءة آلياً والترخيص على نطاق واسع',
        zh: '小组讨论：机器可读的权利保留与大规模许可',
        en: 'Panel: Machine-readable reservations and licensing at scale',
        fr: 'Table ronde : réserves de droits lisibles par machine et licences à grande échelle',
        ru: 'Дискуссионная группа: машиночитаемые оговорки и масштабное лицензирование',
        es: 'Panel: reservas de derechos legibles por máquina y licencias a gran escala',
      },
      {
        en: 'Protocols for reserving rights against AI training, and licensing models that can honour them.',
        fr: "Les protocoles permettant de réserver ses droits à l'égard de l'entraînement de l'IA et les modèles de licence capables de les respecter.",
        es: 'Los protocolos para reservarse los derechos frente al entrenamiento de la IA y los modelos de licencia capaces de respetarlos.',
      },
      {
        moderator: ['priya-raghunathan'],
        panelist: ['tomasz-wisniewski', 'maya-thompson', 'joao-ferreira-santos'],
      },
    ),
    item('closing', ['2025-04-09', '16:30', '17:00'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/DATA/GE/25', 11, '2025-03-19'),
    programmeDocument('WIPO/IP/DATA/GE/25', 11, '2025-04-02', EN_ONLY),
  ],
};

const SESSION_12: DemoSession = {
  number: 12,
  theme: 'artificial-intelligence-and-ip',
  title: {
    ar: 'الوسائط الاصطناعية: التزييف العميق والأصوات والصورة الشخصية',
    zh: '合成媒体：深度伪造、声音与肖像',
    en: 'Synthetic Media: Deepfakes, Voices and Likeness',
    fr: 'Médias synthétiques : hypertrucages, voix et image',
    ru: 'Синтетические медиа: дипфейки, голос и внешний облик',
    es: 'Medios sintéticos: ultrafalsos, voces e imagen',
  },
  subject: {
    ar: 'الوسائط الاصطناعية',
    zh: '合成媒体',
    en: 'Synthetic media',
    fr: 'Les médias synthétiques',
    ru: 'Синтетические медиа',
    es: 'Los medios sintéticos',
  },
  description: {
    en: "AI can now imitate a person's voice, face and style convincingly. The twelfth session asked how IP law, performers' rights and personality rights respond to synthetic media, and which legal and technical tools can protect creators and the public.",
    fr: "L'IA peut désormais imiter de manière convaincante la voix, le visage et le style d'une personne. La douzième session s'est demandé comment le droit de la propriété intellectuelle, les droits des artistes interprètes et les droits de la personnalité répondent aux médias synthétiques, et quels outils juridiques et techniques peuvent protéger les créateurs et le public.",
    es: 'La IA ya puede imitar de forma convincente la voz, el rostro y el estilo de una persona. La duodécima sesión analizó cómo responden a los medios sintéticos el derecho de propiedad intelectual, los derechos de los artistas intérpretes o ejecutantes y los derechos de la personalidad, y qué herramientas jurídicas y técnicas pueden proteger a los creadores y al público.',
  },
  startsAt: inGeneva('2025-10-15', '10:00'),
  endsAt: inGeneva('2025-10-15', '16:30'),
  format: 'hybrid',
  venue: VENUE_GENEVA,
  recordingUrl: 'https://webcast.wipo.int/video/WIPO_IP_AI_GE_25_2025-10-15',
  agenda: [
    item('opening', ['2025-10-15', '10:00', '10:15'], OPENING, OPENING_TEXT, {
      chair: ['kwame-asante'],
      speaker: ['helene-marchetti'],
    }),
    item(
      'panel',
      ['2025-10-15', '10:15', '12:30'],
      {
        ar: 'حلقة نقاش: التزييف العميق واستنساخ الأصوات وحقوق فناني الأداء',
        zh: '小组讨论：深度伪造、声音克隆与表演者权利',
        en: "Panel: Deepfakes, voice cloning and performers' rights",
        fr: 'Table ronde : hypertrucages, clonage vocal et droits des artistes interprètes',
        ru: 'Дискуссионная группа: дипфейки, клонирование голоса и права исполнителей',
        es: 'Panel: ultrafalsos, clonación de voz y derechos de los artistas intérpretes o ejecutantes',
      },
      {
        en: 'What performers, musicians and actors can do when AI imitates their voice or likeness.',
        fr: "Ce que peuvent faire les artistes interprètes, musiciens et acteurs lorsque l'IA imite leur voix ou leur image.",
        es: 'Qué pueden hacer los artistas intérpretes, músicos y actores cuando la IA imita su voz o su imagen.',
      },
      { moderator: ['grace-wanjiru'], panelist: ['marcia-campbell', 'joao-ferreira-santos', 'nadia-benali'] },
    ),
    item(
      'sharing',
      ['2025-10-15', '14:00', '15:45'],
      {
        ar: 'جلسة تبادل الخبرات: الاستجابات القانونية والتقنية',
        zh: '经验分享：法律与技术应对',
        en: 'Sharing session: Legal and technical responses',
        fr: 'Séance de partage : réponses juridiques et techniques',
        ru: 'Обмен опытом: правовые и технические меры',
        es: 'Sesión de intercambio: respuestas jurídicas y técnicas',
      },
      {
        en: 'New laws, labelling and provenance standards, and detection tools from several regions.',
        fr: "Nouvelles lois, normes d'étiquetage et de provenance et outils de détection issus de plusieurs régions.",
        es: 'Nuevas leyes, normas de etiquetado y procedencia y herramientas de detección de varias regiones.',
      },
      { moderator: ['kwame-asante'], speaker: ['park-min-jun', 'yousef-al-harbi', 'rina-kusumawati'] },
    ),
    item('open_floor', ['2025-10-15', '15:45', '16:15'], OPEN_FLOOR, OPEN_FLOOR_TEXT, {
      chair: ['kwame-asante'],
    }),
    item('closing', ['2025-10-15', '16:15', '16:30'], CLOSING, CLOSING_TEXT, { speaker: ['kwame-asante'] }),
  ],
  documents: [
    agendaDocument('WIPO/IP/AI/GE/25', 12, '2025-09-24'),
    programmeDocument('WIPO/IP/AI/GE/25', 12, '2025-10-08'),
    summaryDocument('WIPO/IP/AI/GE/25', 12, '2025-11-26'),
  ],
};

/** Sessions 1–12, in order. */
export const DEMO_SESSIONS: DemoSession[] = [
  SESSION_1,
  SESSION_2,
  SESSION_3,
  SESSION_4,
  SESSION_5,
  SESSION_6,
  SESSION_7,
  SESSION_8,
  SESSION_9,
  SESSION_10,
  SESSION_11,
  SESSION_12,
];
