//! Approval and signature requisites: грифы утверждения, согласования и принятия, the
//! e-signature mark, the QR code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{IsoDate, PersonRef};

/// # Гриф
/// Гриф вверху первой страницы документа (ГОСТ Р 7.0.97-2025): «УТВЕРЖДАЮ», «УТВЕРЖДЕН приказом …», «СОГЛАСОВАНО», «ПРИНЯТО». Два грифа стоят рядом: первый слева, второй справа.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// # Вид грифа
    /// Какой гриф.
    pub kind: ApprovalKind,
    /// # Должность
    /// Должность подписывающего, по одной печатаемой строке на элемент («Директор МБОУ СОШ № 5»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub position: Vec<String>,
    /// # Подписывающий
    /// Кто подписывает; печатается как «________ И.О. Фамилия».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// # Дата подписи
    /// Дата подписи: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`. Если не указана — строка для заполнения от руки: «"___" ________ 20___ г.».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// # Коллегиальный орган
    /// Коллегиальный орган так, как он записывается в грифе («на заседании педагогического совета», «Педагогическим советом МБОУ СОШ № 5»); `\n` — принудительный перенос строки.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// # Протокол
    /// Протокол заседания коллегиального органа.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// # Утверждающий документ
    /// Документ, которым утверждено. У грифа `approved` — «приказом <кем издан> от … № …» (если не указан — реквизиты самого приказа); у остальных грифов — строкой под подписью: «Приказ от 30.08.2024 № 112».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<Act>,
    /// # Слово грифа
    /// Слово грифа так, как его пишет организация («Утверждаю», «Согласовано»); если не указано — по виду грифа прописными: «УТВЕРЖДАЮ», «СОГЛАСОВАНО», «ПРИНЯТО», «УТВЕРЖДЕН(А/О/Ы)».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
    /// # Строка даты
    /// Печатать ли под подписью строку даты (дату подписи или «"___" ________ 20___ г.» для заполнения от руки). По умолчанию — `true`.
    #[serde(default = "yes")]
    pub date_line: bool,
}

fn yes() -> bool {
    true
}

/// # Вид грифа
/// Виды грифов.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// # УТВЕРЖДАЮ
    /// «УТВЕРЖДАЮ»: должность, строка для подписи с именем, дата.
    Approve,
    /// # УТВЕРЖДЕН приказом
    /// «УТВЕРЖДЕН(А/О/Ы) приказом … от … № …», в согласовании с заголовком документа.
    Approved,
    /// # СОГЛАСОВАНО
    /// «СОГЛАСОВАНО»: лицо (должность, подпись, дата) или коллегиальный орган с протоколом.
    Agreed,
    /// # ПРИНЯТО
    /// «ПРИНЯТО»: коллегиальный орган с протоколом.
    Accepted,
}

/// # Протокол
/// Протокол заседания.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// # Слова перед датой
    /// Слова перед датой; если не указаны — «Протокол» (например, «Протокол заседания педагогического совета»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// # Дата заседания
    /// Дата заседания: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub date: IsoDate,
    /// # Номер протокола
    /// Номер протокола. Строка или целое число.
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
    /// # Строка протокола
    /// Строка протокола так, как её пишет организация, — вместо «Протокол от … № …». Поля: `{номер}`, `{дата}` («30.08.2024»), части даты `{ДД}`, `{Д}`, `{ММ}`, `{М}`, `{месяца}`, `{месяц}`, `{ГГГГ}`, `{ГГ}`. Например: `(протокол от {дата} № {номер})`, `Протокол № {номер} заседания педсовета от «{Д}» {ММ}. {ГГГГ} г.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

/// # Утверждающий документ
/// Документ, которым утверждено: «приказом <кем издан> от <дата> № <номер>».
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// # Вид документа
    /// Вид документа в творительном падеже; если не указан — «приказом» (например, «распоряжением»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// # Кем издан
    /// Кем издан документ, в родительном падеже («директора МБОУ СОШ № 5»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// # Дата
    /// Дата утверждающего документа: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub date: IsoDate,
    /// # Номер
    /// Номер утверждающего документа. Строка или целое число.
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
}

/// # Отметка об электронной подписи
/// Отметка об электронной подписи; печатается на месте собственноручной подписи.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ESignature {
    /// # Сертификат
    /// Серийный номер сертификата в том виде, как его показывает средство электронной подписи.
    pub certificate: String,
    /// # Владелец
    /// Фамилия, имя, отчество владельца («Иванова Мария Петровна»); если не указано — полное имя подписывающего.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// # Действителен с
    /// Первый день срока действия сертификата: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub valid_from: IsoDate,
    /// # Действителен по
    /// Последний день срока действия сертификата: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub valid_to: IsoDate,
}

/// # QR-код
/// QR-код документа (реквизит 31 по ГОСТ Р 7.0.97-2025) в правом нижнем углу первой страницы.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Qr {
    /// # Содержимое кода
    /// Что содержит код: адрес опубликованного документа или текст.
    pub text: String,
    /// # Размер, мм
    /// Сторона кода при печати в миллиметрах, включая свободное поле вокруг (от 15 до 40). По умолчанию — 20.
    #[serde(default = "default_qr_size")]
    pub size_mm: f64,
}

fn default_qr_size() -> f64 {
    20.0
}
