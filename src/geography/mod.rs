//! Official geography: Länder, Regierungsbezirke, Kreise and Gemeinden from
//! the Destatis municipality directory, boundaries, postal codes.

pub mod load;
