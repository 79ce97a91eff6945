//! What a paragraph is in the document: the DOCX names its paragraph style after it, so a
//! secretary who adds a paragraph in Word picks «Пункт приказа» and gets its formatting.

/// The role of a paragraph. The DOCX writer makes one named style per role used, holding
/// the formatting its paragraphs share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// A line of the бланк: the organisation, its parent bodies.
    Blank,
    /// The бланк's справочные данные: address, phones, e-mail, site.
    BlankDetails,
    /// «ПРИКАЗ».
    Kind,
    /// «06.10.2020 № 520», the place.
    Requisites,
    /// Заголовок к тексту.
    Title,
    /// Преамбула.
    Preamble,
    /// «ПРИКАЗЫВАЮ:».
    Decree,
    /// A point of the order or of a clause, by level (1 to 3).
    Point(u8),
    /// The signature's lines.
    Signature,
    /// «С приказом ознакомлен(а/ы):» and its lines.
    Acquaintance,
    /// The mark of an appendix («Приложение № 1 к приказу …»).
    Mark,
    /// A гриф («УТВЕРЖДАЮ», «СОГЛАСОВАНО»).
    Approval,
    /// The heading of the e-signature mark («ДОКУМЕНТ ПОДПИСАН …»).
    ESignatureTitle,
    /// The lines of the e-signature mark.
    ESignature,
    /// The title of an appendix.
    AppendixTitle,
    /// The line under an appendix's title.
    AppendixSubtitle,
    /// The heading of a clause of a Положение.
    ClauseTitle,
    /// A paragraph of a clause.
    ClauseText,
    /// An item of a list outside tables.
    ListItem,
    /// A header cell of a table.
    TableHeader,
    /// The row «1 2 3 …».
    NumberRow,
    /// A section row of a table.
    SectionRow,
    /// Text of a body cell.
    TableText,
    /// An item of a list in a table cell.
    CellList,
}

impl Role {
    /// Every role, for the markup's attribute values.
    pub const NAMED: [(&'static str, Role); 21] = [
        ("blank", Role::Blank),
        ("blank-details", Role::BlankDetails),
        ("kind", Role::Kind),
        ("requisites", Role::Requisites),
        ("title", Role::Title),
        ("preamble", Role::Preamble),
        ("decree", Role::Decree),
        ("point-1", Role::Point(1)),
        ("point-2", Role::Point(2)),
        ("point-3", Role::Point(3)),
        ("signature", Role::Signature),
        ("acquaintance", Role::Acquaintance),
        ("mark", Role::Mark),
        ("approval", Role::Approval),
        ("e-signature-title", Role::ESignatureTitle),
        ("e-signature", Role::ESignature),
        ("appendix-title", Role::AppendixTitle),
        ("appendix-subtitle", Role::AppendixSubtitle),
        ("clause-title", Role::ClauseTitle),
        ("clause-text", Role::ClauseText),
        ("list-item", Role::ListItem),
    ];

    /// The role a markup attribute names.
    pub fn parse(s: &str) -> Option<Role> {
        Role::NAMED.iter().find(|(n, _)| *n == s).map(|(_, r)| *r)
    }

    /// The style's id in `styles.xml` (ASCII, as Word expects).
    pub fn style_id(self) -> String {
        match self {
            Role::Point(level) => format!("PrikazPoint{level}"),
            other => format!("Prikaz{other:?}"),
        }
    }

    /// The style's name as Word and LibreOffice show it.
    pub fn style_name(self) -> String {
        match self {
            Role::Blank => "Бланк".into(),
            Role::BlankDetails => "Справочные данные".into(),
            Role::Kind => "Вид документа".into(),
            Role::Requisites => "Дата и номер".into(),
            Role::Title => "Заголовок к тексту".into(),
            Role::Preamble => "Преамбула".into(),
            Role::Decree => "Распорядительное слово".into(),
            Role::Point(1) => "Пункт".into(),
            Role::Point(level) => format!("Пункт {level}-го уровня"),
            Role::Signature => "Подпись".into(),
            Role::Acquaintance => "Ознакомление".into(),
            Role::Mark => "Отметка о приложении".into(),
            Role::Approval => "Гриф".into(),
            Role::ESignatureTitle => "Заголовок отметки об электронной подписи".into(),
            Role::ESignature => "Отметка об электронной подписи".into(),
            Role::AppendixTitle => "Заголовок приложения".into(),
            Role::AppendixSubtitle => "Подзаголовок приложения".into(),
            Role::ClauseTitle => "Заголовок раздела".into(),
            Role::ClauseText => "Текст раздела".into(),
            Role::ListItem => "Элемент списка".into(),
            Role::TableHeader => "Шапка таблицы".into(),
            Role::NumberRow => "Номера столбцов".into(),
            Role::SectionRow => "Раздел таблицы".into(),
            Role::TableText => "Текст таблицы".into(),
            Role::CellList => "Список в ячейке".into(),
        }
    }

    /// The built-in heading («heading 1», «heading 2») whose style the role's paragraphs
    /// take, so readers that know only Word's headings (pandoc, mammoth, screen readers)
    /// see them; Word shows it as «Заголовок 1» with the role's name beside it.
    pub fn heading(self) -> Option<u8> {
        match self {
            Role::Title | Role::AppendixTitle => Some(1),
            Role::ClauseTitle => Some(2),
            _ => None,
        }
    }

    /// The outline level Word's navigation pane lists the paragraph at, if any.
    pub fn outline_level(self) -> Option<u8> {
        match self {
            Role::Title | Role::AppendixTitle => Some(0),
            Role::SectionRow | Role::ClauseTitle => Some(1),
            _ => None,
        }
    }
}
