//! The sample documents built into the program: what `prikaz init` starts a project from
//! and what the editor of `prikaz serve` offers as «Новый документ».

/// A built-in sample.
pub struct Sample {
    /// Its name in commands and addresses (`order`, `school-plan` …).
    pub id: &'static str,
    /// What it is, in Russian.
    pub title: &'static str,
    /// The input file.
    pub text: &'static str,
    /// Files it names, to be written beside it (a logo).
    pub files: &'static [(&'static str, &'static [u8])],
}

const LOGO: &[(&str, &[u8])] = &[("logo-sad.png", include_bytes!("../samples/logo-sad.png"))];

/// Every sample, the default first.
pub const ALL: &[Sample] = &[
    Sample {
        id: "order",
        title: "Приказ муниципального органа с дорожной картой в приложении (Солнечногорск)",
        text: include_str!("../samples/solnechnogorsk-2023.json"),
        files: &[],
    },
    Sample {
        id: "school-plan",
        title: "План школы без приказа: грифы «СОГЛАСОВАНО» и «УТВЕРЖДАЮ» рядом",
        text: include_str!("../samples/school-plan-2024.json"),
        files: &[],
    },
    Sample {
        id: "kindergarten",
        title: "Приказ детского сада: продольный бланк с логотипом, пункты-маркеры",
        text: include_str!("../samples/kindergarten-2024.json"),
        files: LOGO,
    },
    Sample {
        id: "polozhenie",
        title: "Приказ об утверждении Положения: текстовое приложение с разделами",
        text: include_str!("../samples/region-polozhenie-2024.json"),
        files: &[],
    },
    Sample {
        id: "esign-qr",
        title: "Приказ, подписанный электронной подписью, с QR-кодом",
        text: include_str!("../samples/esign-qr-2025.json"),
        files: &[],
    },
    Sample {
        id: "stage-plan",
        title: "Дорожная карта по этапам, разделы I, II",
        text: include_str!("../samples/stages-2024.json"),
        files: &[],
    },
];

/// The sample with this id.
pub fn by_id(id: &str) -> Option<&'static Sample> {
    ALL.iter().find(|s| s.id == id)
}
