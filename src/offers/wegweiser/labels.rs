//! The printed Wegweiser's own words in each of its languages. The web
//! interface speaks German and English only (Fluent); the guide is handed
//! to newcomers, so it also speaks the languages most asked for locally.

use serde::Serialize;

/// The languages the Wegweiser is printed in.
pub const LANGS: &[&str] = &["de", "en", "ar", "tr", "uk", "ru", "fa"];

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Labels {
    pub title: &'static str,
    pub contents: &'static str,
    pub as_of: &'static str,
    pub page: &'static str,
    pub provider: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    pub hours: &'static str,
    pub languages: &'static str,
    pub cost: &'static str,
    pub appointment: &'static str,
    pub online: &'static str,
    pub empty: &'static str,
    pub closed_otherwise: &'static str,
    #[serde(skip)]
    pub weekdays: [&'static str; 7],
    #[serde(skip)]
    pub fields: [&'static str; 10],
    #[serde(skip)]
    pub costs: [&'static str; 3],
}

impl Labels {
    /// The name of a field of integration (codes of `model::FIELDS`).
    pub fn field(&self, code: &str) -> &'static str {
        crate::offers::model::FIELDS
            .iter()
            .position(|f| *f == code)
            .map(|i| self.fields[i])
            .unwrap_or(self.fields[9])
    }

    /// The name of a cost code (`model::COSTS`), or the code itself.
    pub fn cost_name(&self, code: &str) -> String {
        crate::offers::model::COSTS
            .iter()
            .position(|c| *c == code)
            .map(|i| self.costs[i].to_string())
            .unwrap_or_else(|| code.to_string())
    }
}

pub fn labels(lang: &str) -> Labels {
    match lang {
        "en" => EN,
        "ar" => AR,
        "tr" => TR,
        "uk" => UK,
        "ru" => RU,
        "fa" => FA,
        _ => DE,
    }
}

const DE: Labels = Labels {
    title: "Wegweiser",
    contents: "Inhalt",
    as_of: "Stand",
    page: "Seite",
    provider: "Träger",
    address: "Adresse",
    phone: "Telefon",
    email: "E-Mail",
    website: "Website",
    hours: "Öffnungszeiten",
    languages: "Sprachen",
    cost: "Kosten",
    appointment: "Termin nötig",
    online: "Online",
    empty: "Zurzeit sind keine Angebote veröffentlicht.",
    closed_otherwise: "sonst geschlossen",
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    fields: [
        "Kindergarten",
        "Schule, Berufsschule und Ausbildung",
        "Arbeit",
        "Freizeit",
        "Seniorenarbeit",
        "Beratung",
        "Sprache",
        "Gesundheit",
        "Wohnen",
        "Sonstiges",
    ],
    costs: ["kostenlos", "ermäßigt", "kostenpflichtig"],
};

const EN: Labels = Labels {
    title: "Guide",
    contents: "Contents",
    as_of: "As of",
    page: "Page",
    provider: "Provider",
    address: "Address",
    phone: "Phone",
    email: "E-mail",
    website: "Website",
    hours: "Opening hours",
    languages: "Languages",
    cost: "Cost",
    appointment: "Appointment needed",
    online: "Online",
    empty: "No offers are published at the moment.",
    closed_otherwise: "closed otherwise",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    fields: [
        "Kindergarten",
        "School, vocational school and training",
        "Work",
        "Leisure",
        "Work with seniors",
        "Counselling",
        "Language",
        "Health",
        "Housing",
        "Other",
    ],
    costs: ["free", "reduced", "paid"],
};

const AR: Labels = Labels {
    title: "دليل الخدمات",
    contents: "المحتويات",
    as_of: "بتاريخ",
    page: "صفحة",
    provider: "الجهة المقدمة",
    address: "العنوان",
    phone: "الهاتف",
    email: "البريد الإلكتروني",
    website: "الموقع الإلكتروني",
    hours: "أوقات الدوام",
    languages: "اللغات",
    cost: "التكلفة",
    appointment: "يلزم حجز موعد",
    online: "عبر الإنترنت",
    empty: "لا توجد عروض منشورة حاليًا.",
    closed_otherwise: "مغلق في الأوقات الأخرى",
    weekdays: [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
    fields: [
        "رياض الأطفال",
        "المدرسة والمدرسة المهنية والتدريب",
        "العمل",
        "أوقات الفراغ",
        "العمل مع كبار السن",
        "الاستشارة",
        "اللغة",
        "الصحة",
        "السكن",
        "أخرى",
    ],
    costs: ["مجاني", "مخفّض", "مدفوع"],
};

const TR: Labels = Labels {
    title: "Rehber",
    contents: "İçindekiler",
    as_of: "Tarih",
    page: "Sayfa",
    provider: "Kurum",
    address: "Adres",
    phone: "Telefon",
    email: "E-posta",
    website: "İnternet sitesi",
    hours: "Açılış saatleri",
    languages: "Diller",
    cost: "Ücret",
    appointment: "Randevu gerekli",
    online: "Çevrimiçi",
    empty: "Şu anda yayınlanmış bir hizmet yok.",
    closed_otherwise: "diğer zamanlarda kapalı",
    weekdays: [
        "Pazartesi",
        "Salı",
        "Çarşamba",
        "Perşembe",
        "Cuma",
        "Cumartesi",
        "Pazar",
    ],
    fields: [
        "Anaokulu",
        "Okul, meslek okulu ve eğitim",
        "İş",
        "Boş zaman",
        "Yaşlılarla çalışma",
        "Danışmanlık",
        "Dil",
        "Sağlık",
        "Konut",
        "Diğer",
    ],
    costs: ["ücretsiz", "indirimli", "ücretli"],
};

const UK: Labels = Labels {
    title: "Довідник",
    contents: "Зміст",
    as_of: "Станом на",
    page: "Сторінка",
    provider: "Організація",
    address: "Адреса",
    phone: "Телефон",
    email: "Електронна пошта",
    website: "Вебсайт",
    hours: "Години роботи",
    languages: "Мови",
    cost: "Вартість",
    appointment: "Потрібен запис",
    online: "Онлайн",
    empty: "Наразі немає опублікованих пропозицій.",
    closed_otherwise: "в інший час зачинено",
    weekdays: [
        "Понеділок",
        "Вівторок",
        "Середа",
        "Четвер",
        "Пʼятниця",
        "Субота",
        "Неділя",
    ],
    fields: [
        "Дитячий садок",
        "Школа, професійна школа та навчання",
        "Робота",
        "Дозвілля",
        "Робота з людьми похилого віку",
        "Консультації",
        "Мова",
        "Здоровʼя",
        "Житло",
        "Інше",
    ],
    costs: ["безкоштовно", "зі знижкою", "платно"],
};

const RU: Labels = Labels {
    title: "Справочник",
    contents: "Содержание",
    as_of: "По состоянию на",
    page: "Страница",
    provider: "Организация",
    address: "Адрес",
    phone: "Телефон",
    email: "Электронная почта",
    website: "Сайт",
    hours: "Часы работы",
    languages: "Языки",
    cost: "Стоимость",
    appointment: "Нужна запись",
    online: "Онлайн",
    empty: "Сейчас нет опубликованных предложений.",
    closed_otherwise: "в остальное время закрыто",
    weekdays: [
        "Понедельник",
        "Вторник",
        "Среда",
        "Четверг",
        "Пятница",
        "Суббота",
        "Воскресенье",
    ],
    fields: [
        "Детский сад",
        "Школа, профессиональное училище и обучение",
        "Работа",
        "Досуг",
        "Работа с пожилыми людьми",
        "Консультации",
        "Язык",
        "Здоровье",
        "Жильё",
        "Другое",
    ],
    costs: ["бесплатно", "со скидкой", "платно"],
};

const FA: Labels = Labels {
    title: "راهنمای خدمات",
    contents: "فهرست",
    as_of: "تاریخ",
    page: "صفحه",
    provider: "ارائه‌دهنده",
    address: "نشانی",
    phone: "تلفن",
    email: "ایمیل",
    website: "وب‌سایت",
    hours: "ساعات کاری",
    languages: "زبان‌ها",
    cost: "هزینه",
    appointment: "نیاز به وقت قبلی",
    online: "آنلاین",
    empty: "در حال حاضر هیچ خدمتی منتشر نشده است.",
    closed_otherwise: "در سایر اوقات بسته است",
    weekdays: [
        "دوشنبه",
        "سه‌شنبه",
        "چهارشنبه",
        "پنج‌شنبه",
        "جمعه",
        "شنبه",
        "یکشنبه",
    ],
    fields: [
        "مهدکودک",
        "مدرسه، هنرستان و آموزش حرفه‌ای",
        "کار",
        "اوقات فراغت",
        "کار با سالمندان",
        "مشاوره",
        "زبان",
        "سلامت",
        "مسکن",
        "سایر",
    ],
    costs: ["رایگان", "با تخفیف", "پولی"],
};

/// Names of languages in their own script where the PDF fonts cover it,
/// otherwise in English; unknown codes stay codes.
pub fn language_name(code: &str) -> &str {
    match code {
        "de" => "Deutsch",
        "en" => "English",
        "ar" => "العربية",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "ru" => "Русский",
        "fa" => "فارسی",
        "ku" => "Kurdî",
        "ckb" => "کوردی",
        "kmr" => "Kurmancî",
        "ps" => "پښتو",
        "prs" => "دری",
        "ti" => "Tigrinya",
        "so" => "Soomaali",
        "am" => "Amharic",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "pt" => "Português",
        "pl" => "Polski",
        "ro" => "Română",
        "bg" => "Български",
        "hr" => "Hrvatski",
        "sr" => "Српски",
        "bs" => "Bosanski",
        "sq" => "Shqip",
        "el" => "Ελληνικά",
        "hu" => "Magyar",
        "cs" => "Čeština",
        "sk" => "Slovenčina",
        "sl" => "Slovenščina",
        "lt" => "Lietuvių",
        "lv" => "Latviešu",
        "vi" => "Tiếng Việt",
        "zh" => "Chinese",
        "hi" => "Hindi",
        "ur" => "اردو",
        "bn" => "Bengali",
        "ta" => "Tamil",
        "sw" => "Kiswahili",
        "ha" => "Hausa",
        "yo" => "Yorùbá",
        "ka" => "Georgian",
        "hy" => "Armenian",
        "az" => "Azərbaycanca",
        other => other,
    }
}
