#!/usr/bin/env node
// Validates Outflow exports against Adobe's XDM Individual Profile field groups
// (person details, personal details, identityMap, segmentation), vendored
// unmodified under tests/data/xdm (see its SOURCE.md).
//
//   node validate-xdm.js [--schemas DIR] [FILE.json ...]
//
// Without files, reads one JSON document per line on stdin (blank lines are
// skipped). Prints each invalid document's errors with their JSON pointer, in
// the export's own spelling, then a summary line. Exit status: 0 when every
// document is valid, 1 when one is not, 2 on bad usage or unreadable schemas.
//
// Exports use the un-prefixed field names ("person", "firstName"), as the
// reference's examples do and DESIGN §2 requires; the schema files name their
// fields in XDM's JSON-LD form ("xdm:person", "xdm:firstName"), and most types
// also accept only namespaced keys (extensible.schema.json's @context). So each
// document is first translated to the JSON-LD form, guided by the schemas: a
// key becomes "xdm:<key>" where the schema at that place declares that field;
// map keys (identity namespaces, segment ids) and undeclared keys stay as they
// are, so an unknown field of a closed XDM type is reported, not waved through.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');

// The field groups an export's top-level fields belong to (SOURCE.md).
const ROOT_IDS = [
    'https://ns.adobe.com/xdm/context/profile-person-details',
    'https://ns.adobe.com/xdm/context/profile-personal-details',
    'https://ns.adobe.com/xdm/context/identitymap',
    'https://ns.adobe.com/xdm/context/profile-segmentation',
];
const XDM_PREFIX = 'xdm:';

function usage(message) {
    process.stderr.write(`validate-xdm: ${message}\n` +
        'usage: node validate-xdm.js [--schemas DIR] [FILE.json ...]\n');
    process.exit(2);
}

function parseArguments(argv) {
    const options = { schemasDir: path.join(__dirname, '..', 'data', 'xdm'), files: [] };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--schemas') {
            if (i + 1 >= argv.length)
                usage('--schemas needs a directory');
            options.schemasDir = argv[++i];
        } else if (argv[i] === '--help' || argv[i] === '-h') {
            process.stdout.write('usage: node validate-xdm.js [--schemas DIR] [FILE.json ...]\n');
            process.exit(0);
        } else if (argv[i].startsWith('--')) {
            usage(`unknown option ${argv[i]}`);
        } else {
            options.files.push(argv[i]);
        }
    }
    return options;
}

function findSchemaFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory())
            return findSchemaFiles(full);
        return entry.name.endsWith('.schema.json') ? [full] : [];
    });
}

function loadSchemas(dir) {
    const byId = new Map();
    for (const file of findSchemaFiles(dir)) {
        const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
        byId.set(schema.$id, schema);
    }
    for (const id of ROOT_IDS) {
        if (!byId.has(id))
            throw new Error(`no schema with $id ${id} under ${dir}`);
    }
    return byId;
}

// --- translation to the JSON-LD form -------------------------------------

// A "#/a/b" JSON pointer inside `root`.
function resolvePointer(root, fragment) {
    let node = root;
    for (const raw of fragment.split('/').slice(1)) {
        const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        node = node === undefined ? undefined : node[token];
    }
    return node;
}

// A $ref, relative to the schema document `base` it appears in.
function resolveRef(schemas, ref, base) {
    const hash = ref.indexOf('#');
    const id = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const root = id === '' ? base : schemas.get(id);
    if (root === undefined)
        throw new Error(`unresolved $ref ${ref}`);
    const schema = fragment === '' ? root : resolvePointer(root, fragment);
    if (schema === undefined)
        throw new Error(`unresolved $ref ${ref}`);
    return { schema, base: root };
}

// What a schema says about the members of the values it describes: the
// declared properties (through $ref and the allOf/oneOf/anyOf branches XDM
// composes its types with), the schema of map entries, of array items.
function shapeOf(schemas, schema, base, shape = { properties: new Map() }, seen = new Set()) {
    if (schema === null || typeof schema !== 'object' || seen.has(schema))
        return shape;
    seen.add(schema);
    if (typeof schema.$ref === 'string') {
        const target = resolveRef(schemas, schema.$ref, base);
        shapeOf(schemas, target.schema, target.base, shape, seen);
    }
    for (const [name, child] of Object.entries(schema.properties || {})) {
        if (!shape.properties.has(name))
            shape.properties.set(name, { schema: child, base });
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        shape.additional = shape.additional || { schema: schema.additionalProperties, base };
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items))
        shape.items = shape.items || { schema: schema.items, base };
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
        for (const branch of schema[keyword] || [])
            shapeOf(schemas, branch, base, shape, seen);
    }
    return shape;
}

function toJsonLd(schemas, value, where) {
    if (where === undefined || value === null || typeof value !== 'object')
        return value;
    const shape = shapeOf(schemas, where.schema, where.base);
    if (Array.isArray(value))
        return value.map((item) => toJsonLd(schemas, item, shape.items));
    const out = {};
    for (const [key, member] of Object.entries(value)) {
        const prefixed = XDM_PREFIX + key;
        if (shape.properties.has(prefixed))
            out[prefixed] = toJsonLd(schemas, member, shape.properties.get(prefixed));
        else if (shape.properties.has(key))
            out[key] = toJsonLd(schemas, member, shape.properties.get(key));
        else
            out[key] = toJsonLd(schemas, member, shape.additional); // a map entry, or unknown
    }
    return out;
}

// --- reporting ---------------------------------------------------------------

// The error's JSON pointer in the export's spelling (without "xdm:").
function exportPointer(instancePath) {
    return instancePath.split('/')
        .map((token) => (token.startsWith(XDM_PREFIX) ? token.slice(XDM_PREFIX.length) : token))
        .join('/') || '/';
}

function describe(error) {
    switch (error.keyword) {
    case 'additionalProperties':
        return `unknown property "${error.params.additionalProperty}"`;
    case 'enum':
        return `${error.message} (${error.params.allowedValues.join(', ')})`;
    default:
        return error.message;
    }
}

// An undeclared key fails both branches of the @context oneOf; its
// "additionalProperties" error says it all, the other two are echoes.
function relevantErrors(errors) {
    const unknownAt = new Set(errors.filter((e) => e.keyword === 'additionalProperties')
        .map((e) => e.instancePath));
    const lines = errors
        .filter((e) => !(unknownAt.has(e.instancePath) && (e.keyword === 'oneOf' ||
            (e.keyword === 'required' && e.params.missingProperty === '@context'))))
        .map((e) => `${exportPointer(e.instancePath)}: ${describe(e)}`);
    return [...new Set(lines)];
}

// --- main --------------------------------------------------------------------

function buildValidator(schemas) {
    // strict: false, because XDM adds its own keywords (meta:*) and formats.
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft06);
    addFormats(ajv);
    for (const schema of schemas.values())
        ajv.addSchema(schema);
    const combined = { allOf: ROOT_IDS.map((id) => ({ $ref: id })) };
    return { validate: ajv.compile(combined), combined };
}

function* documentsFromStdin() {
    const text = fs.readFileSync(0, 'utf8');
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; ++i) {
        if (lines[i].trim() !== '')
            yield { label: `line ${i + 1}`, text: lines[i] };
    }
}

function* documentsFromFiles(files) {
    for (const file of files)
        yield { label: file, text: fs.readFileSync(file, 'utf8') };
}

function main() {
    const options = parseArguments(process.argv.slice(2));
    let schemas;
    let validator;
    try {
        schemas = loadSchemas(options.schemasDir);
        validator = buildValidator(schemas);
    } catch (error) {
        process.stderr.write(`validate-xdm: ${error.message}\n`);
        process.exit(2);
    }
    const root = { schema: validator.combined, base: validator.combined };

    let count = 0;
    let invalid = 0;
    const documents = options.files.length > 0 ? documentsFromFiles(options.files)
        : documentsFromStdin();
    for (const document of documents) {
        ++count;
        let errors;
        try {
            const value = JSON.parse(document.text);
            if (value === null || typeof value !== 'object' || Array.isArray(value)) {
                errors = ['/: an export must be a JSON object'];
            } else if (!validator.validate(toJsonLd(schemas, value, root))) {
                errors = relevantErrors(validator.validate.errors);
            }
        } catch (error) {
            errors = [`not JSON: ${error.message}`];
        }
        if (errors) {
            ++invalid;
            process.stdout.write(`${document.label}: invalid\n`);
            for (const line of errors)
                process.stdout.write(`  ${line}\n`);
        }
    }
    process.stdout.write(`${count} document(s), ${invalid} invalid\n`);
    process.exit(invalid > 0 ? 1 : 0);
}

main();
