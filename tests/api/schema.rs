//! `schema.graphql` is the code's schema, exported by `synapse export-schema`: a stale file fails.

#[test]
fn schema_graphql_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    let from_code = synapse::graphql::sdl();
    assert!(on_disk == from_code, "schema.graphql is stale: run `cargo run -- export-schema`");
}

#[test]
fn every_field_and_argument_is_documented() {
    let sdl = synapse::graphql::sdl();
    let mut undocumented = Vec::new();
    let mut previous = "";
    let mut in_type = false;
    let mut in_description = false;
    for line in sdl.lines() {
        let trimmed = line.trim();
        // A description's own lines (between `"""` lines) are prose, not fields.
        if trimmed == "\"\"\"" {
            in_description = !in_description;
            previous = trimmed;
            continue;
        }
        if in_description {
            continue;
        }
        if trimmed.starts_with("type ") || trimmed.starts_with("input ") {
            in_type = !trimmed.starts_with("type PageInfo");
        } else if trimmed == "}" {
            in_type = false;
        } else if in_type
            && line.starts_with('\t')
            && !line.starts_with("\t\t")
            && !line.starts_with("\t)")
            && trimmed.contains(':')
            && !previous.ends_with("\"\"\"")
            && !previous.ends_with('"')
        {
            undocumented.push(trimmed.to_owned());
        }
        previous = trimmed;
    }
    let ignored = ["edges", "node", "cursor", "pageInfo", "nodes"];
    undocumented.retain(|f| !ignored.iter().any(|i| f.starts_with(&format!("{i}:"))));
    assert!(undocumented.is_empty(), "fields without a description: {undocumented:#?}");
}
