//! One module per editor feature: each turns a [`crate::snapshot::Snapshot`] (and maybe the
//! workspace index) into protocol types. Pure functions, run on worker threads.

pub mod actions;
pub mod custom;
pub mod diagnostics;
pub mod hover;
pub mod lens;
pub mod navigation;
pub mod rename;
pub mod symbols;
pub mod tokens;

use copydesk_core::entities::EntityType;

/// Plural group names for entity types (document symbols, hover).
pub fn type_group(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "People",
        EntityType::Org => "Organizations",
        EntityType::Place => "Places",
        EntityType::Norp => "Groups and nationalities",
        EntityType::Misc => "Other names",
    }
}
