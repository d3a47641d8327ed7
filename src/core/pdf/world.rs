//! The Typst world of one document: the shared fonts, the template as main
//! source, `base.typ`, and virtual files (`data.json`, images).

use std::{collections::HashMap, sync::LazyLock};

use chrono::Datelike;
use typst::{
    Library, LibraryExt, World,
    diag::{FileError, FileResult},
    foundations::{Bytes, Datetime, Duration},
    syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot},
    text::{Font, FontBook},
    utils::LazyHash,
};

/// Shipped fonts for what the embedded Typst fonts do not cover: a clean
/// sans for body text and Arabic script (Arabic, Persian, Urdu, Pashto,
/// Sorani). Licence: assets/fonts/OFL.txt.
const SHIPPED: &[&[u8]] = &[
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsed once per process; `Font` is cheap to clone.
static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain(SHIPPED.iter().copied())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The font families available to templates.
pub fn fonts_loaded() -> Vec<String> {
    let mut families: Vec<String> = FONTS
        .fonts
        .iter()
        .map(|f| f.info().family.clone())
        .collect();
    families.dedup();
    families
}

fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub struct DocumentWorld {
    main: Source,
    base: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl DocumentWorld {
    pub fn new(
        template: &str,
        base: &str,
        data: Vec<u8>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<Self, String> {
        let mut map = HashMap::new();
        map.insert(file_id("data.json")?, Bytes::new(data));
        for (name, bytes) in files {
            map.insert(file_id(&name)?, Bytes::new(bytes));
        }
        let now = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Berlin);
        let today = Datetime::from_ymd(now.year(), now.month() as u8, now.day() as u8)
            .ok_or("today is out of range")?;
        Ok(Self {
            main: Source::new(file_id("main.typ")?, template.to_string()),
            base: Source::new(file_id("base.typ")?, base.to_string()),
            files: map,
            today,
        })
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.base.id() {
            Ok(self.base.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        if id == self.base.id() {
            return Ok(Bytes::from_string(self.base.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
