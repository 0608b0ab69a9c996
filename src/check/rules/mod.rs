//! The rule catalogue: one module per rule, and [`ALL`] in code order. A code, once published,
//! never changes; a retired rule keeps its code unused.

pub mod common;
pub mod graph;

pub mod a001_suppression_unused;
pub mod a002_suppression_without_reason;
pub mod a003_suppression_unknown_rule;
pub mod d001_start_not_single;
pub mod d002_end_missing;
pub mod d003_input_missing;
pub mod d004_output_missing;
pub mod d005_input_without_supplier;
pub mod d006_output_without_customer;
pub mod d007_sop_identity_incomplete;
pub mod k001_unit_not_declared;
pub mod k002_unit_unused;
pub mod k003_process_named_after_unit;
pub mod k004_party_verifies;
pub mod l001_map_single_lane;
pub mod l002_map_without_handoff;
pub mod l003_relation_contradicts_lanes;
pub mod l004_lane_empty;
pub mod m001_signatory_missing;
pub mod m002_year_missing;
pub mod m003_version_missing;
pub mod m004_approval_missing;
pub mod n001_task_label_not_action;
pub mod n002_task_repeated;
pub mod n003_task_without_value;
pub mod p001_customer_not_reached;
pub mod p002_customer_unknown;
pub mod p003_supplier_unknown;
pub mod r001_map_too_many_steps;
pub mod r002_map_too_many_lanes;
pub mod r003_map_too_many_decisions;
pub mod r004_label_too_long;
pub mod r005_parent_single_child;
pub mod r006_hierarchy_too_deep;
pub mod r007_value_chain_group_missing;
pub mod r008_support_process_as_core;
pub mod r009_name_not_borne_out;
pub mod r010_description_of_another_process;
pub mod s001_code_format_inconsistent;
pub mod s002_numbering_gap;
pub mod s003_name_duplicated;
pub mod s004_leaf_without_map;
pub mod s005_citation_wrong;
pub mod s006_spelling_inconsistent;
pub mod s007_category_inconsistent;
pub mod s008_word_misspelled;
pub mod s009_agency_misnamed;
pub mod s010_abbreviation_inconsistent;
pub mod u001_step_unreachable;
pub mod u002_step_dead_end;
pub mod u003_step_isolated;
pub mod u004_flow_into_start;
pub mod u005_flow_out_of_end;
pub mod u006_decision_without_branches;
pub mod u007_branch_unlabelled;
pub mod u008_branch_label_repeated;
pub mod u009_branching_implicit;
pub mod u010_loop_without_decision;
pub mod u011_parallel_unbalanced;
pub mod u012_flow_label_without_decision;

use super::Rule;

/// Every rule, sorted by code.
pub const ALL: &[&Rule] = &[
    &a001_suppression_unused::RULE,
    &a002_suppression_without_reason::RULE,
    &a003_suppression_unknown_rule::RULE,
    &d001_start_not_single::RULE,
    &d002_end_missing::RULE,
    &d003_input_missing::RULE,
    &d004_output_missing::RULE,
    &d005_input_without_supplier::RULE,
    &d006_output_without_customer::RULE,
    &d007_sop_identity_incomplete::RULE,
    &k001_unit_not_declared::RULE,
    &k002_unit_unused::RULE,
    &k003_process_named_after_unit::RULE,
    &k004_party_verifies::RULE,
    &l001_map_single_lane::RULE,
    &l002_map_without_handoff::RULE,
    &l003_relation_contradicts_lanes::RULE,
    &l004_lane_empty::RULE,
    &m001_signatory_missing::RULE,
    &m002_year_missing::RULE,
    &m003_version_missing::RULE,
    &m004_approval_missing::RULE,
    &n001_task_label_not_action::RULE,
    &n002_task_repeated::RULE,
    &n003_task_without_value::RULE,
    &p001_customer_not_reached::RULE,
    &p002_customer_unknown::RULE,
    &p003_supplier_unknown::RULE,
    &r001_map_too_many_steps::RULE,
    &r002_map_too_many_lanes::RULE,
    &r003_map_too_many_decisions::RULE,
    &r004_label_too_long::RULE,
    &r005_parent_single_child::RULE,
    &r006_hierarchy_too_deep::RULE,
    &r007_value_chain_group_missing::RULE,
    &r008_support_process_as_core::RULE,
    &r009_name_not_borne_out::RULE,
    &r010_description_of_another_process::RULE,
    &s001_code_format_inconsistent::RULE,
    &s002_numbering_gap::RULE,
    &s003_name_duplicated::RULE,
    &s004_leaf_without_map::RULE,
    &s005_citation_wrong::RULE,
    &s006_spelling_inconsistent::RULE,
    &s007_category_inconsistent::RULE,
    &s008_word_misspelled::RULE,
    &s009_agency_misnamed::RULE,
    &s010_abbreviation_inconsistent::RULE,
    &u001_step_unreachable::RULE,
    &u002_step_dead_end::RULE,
    &u003_step_isolated::RULE,
    &u004_flow_into_start::RULE,
    &u005_flow_out_of_end::RULE,
    &u006_decision_without_branches::RULE,
    &u007_branch_unlabelled::RULE,
    &u008_branch_label_repeated::RULE,
    &u009_branching_implicit::RULE,
    &u010_loop_without_decision::RULE,
    &u011_parallel_unbalanced::RULE,
    &u012_flow_label_without_decision::RULE,
];
