//! Agreement and fixed phrases: «ознакомлен(а/ы)», «УТВЕРЖДЕН(А/О/Ы)», appendix labels.

use super::dates::decapitalize_first;
use super::grammar::{Gender, GrammaticalForm};

/// «ознакомлен», «ознакомлена», «ознакомлены», or «ознакомлен(а)» when unknown.
pub fn acquainted_word(genders: &[Option<Gender>]) -> &'static str {
    match genders {
        [Some(Gender::Male)] => "ознакомлен",
        [Some(Gender::Female)] => "ознакомлена",
        [None] | [] => "ознакомлен(а)",
        _ => "ознакомлены",
    }
}

/// The gender and number of the document a title names, from its first word.
pub fn guess_form(title: &str) -> GrammaticalForm {
    let first = title.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphabetic());
    match first {
        "положение" => GrammaticalForm::Neuter,
        "правила" => GrammaticalForm::Plural,
        "программа" | "дорожная" | "инструкция" | "схема" | "концепция" | "методика" => {
            GrammaticalForm::Feminine
        }
        _ => GrammaticalForm::Masculine,
    }
}

/// УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ.
pub fn approved_word(f: GrammaticalForm) -> &'static str {
    match f {
        GrammaticalForm::Masculine => "УТВЕРЖДЕН",
        GrammaticalForm::Feminine => "УТВЕРЖДЕНА",
        GrammaticalForm::Neuter => "УТВЕРЖДЕНО",
        GrammaticalForm::Plural => "УТВЕРЖДЕНЫ",
    }
}

/// The genitive of a group head's title, for «заместитель …»: «председатель» →
/// «председателя», «руководитель» → «руководителя»; other titles as they are.
pub fn genitive_title(title: &str) -> String {
    match title.strip_suffix('ь') {
        Some(stem) if title.ends_with("тель") => format!("{stem}я"),
        _ => title.to_owned(),
    }
}

/// «Приложение», «Приложение № 2», «Приложение 2».
pub fn appendix_label(number: Option<u32>, number_sign: bool) -> String {
    match (number, number_sign) {
        (None, _) => "Приложение".to_owned(),
        (Some(n), true) => format!("Приложение №\u{a0}{n}"),
        (Some(n), false) => format!("Приложение {n}"),
    }
}

/// «(приложение 1)», «(Приложение)», «(приложение № 1)».
pub fn appendix_ref(number: Option<u32>, capitalized: bool, number_sign: bool) -> String {
    let label = appendix_label(number, number_sign);
    let label = if capitalized { label } else { decapitalize_first(&label) };
    format!("({label})")
}

/// Inserts text before the final punctuation: «… План).» + «(Приложение)» → «… План) (Приложение).».
pub fn insert_before_final_punctuation(text: &str, insertion: &str) -> String {
    let trimmed = text.trim_end();
    let cut = trimmed.trim_end_matches(['.', ';', ',', ':', '!', '?']).len();
    let (head, tail) = trimmed.split_at(cut);
    if head.is_empty() {
        return insertion.to_owned() + tail;
    }
    format!("{head} {insertion}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement() {
        assert_eq!(acquainted_word(&[Some(Gender::Female)]), "ознакомлена");
        assert_eq!(acquainted_word(&[Some(Gender::Male), None]), "ознакомлены");
        assert_eq!(acquainted_word(&[None]), "ознакомлен(а)");
        assert_eq!(approved_word(guess_form("План мероприятий (дорожная карта)")), "УТВЕРЖДЕН");
        assert_eq!(approved_word(guess_form("Положение о наставничестве")), "УТВЕРЖДЕНО");
        assert_eq!(approved_word(guess_form("Программа наставничества")), "УТВЕРЖДЕНА");
        assert_eq!(approved_word(guess_form("Правила")), "УТВЕРЖДЕНЫ");
        assert_eq!(approved_word(guess_form("Состав рабочей группы")), "УТВЕРЖДЕН");
    }

    #[test]
    fn appendix_words() {
        assert_eq!(appendix_label(None, true), "Приложение");
        assert_eq!(appendix_label(Some(3), true), "Приложение №\u{a0}3");
        assert_eq!(appendix_label(Some(2), false), "Приложение 2");
        assert_eq!(appendix_ref(Some(1), false, false), "(приложение 1)");
        assert_eq!(appendix_ref(None, true, false), "(Приложение)");
    }

    #[test]
    fn references_go_before_the_final_punctuation() {
        assert_eq!(insert_before_final_punctuation("(далее - План).", "(Приложение)"), "(далее - План) (Приложение).");
        assert_eq!(
            insert_before_final_punctuation("дорожную карту;", "(приложение 1)"),
            "дорожную карту (приложение 1);"
        );
        assert_eq!(insert_before_final_punctuation("без точки ", "(приложение 1)"), "без точки (приложение 1)");
    }
}
