//! OParl 1.1: the networks, their conferences, meetings, agendas, member
//! organisations, public contact people and files as the open standard for
//! council information systems describes them, read-only and anonymous
//! under `/oparl/v1/`. Only public objects ever appear (see `store`);
//! deleted public objects stay as tombstones (`tombstones`).

pub mod model;
pub mod store;
pub mod tombstones;
pub mod web;
