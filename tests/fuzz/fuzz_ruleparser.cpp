// libFuzzer target for the audience rule language (tests/fuzz/run-fuzzers.sh).
//
// Besides crashes, leaks and undefined behaviour (ASan, UBSan), it checks what
// must hold for any input, and aborts when it does not:
//  - an error has a position (line and column from 1) and says what it
//    expected, and its message names that position;
//  - a rule prints to canonical text that parses back to an equal rule and
//    prints the same again;
//  - the printed rule matches exactly the profiles the original matches (one
//    fixed profile here, holding every type of value);
//  - a rule depends on each path it references.
#include "segmentation/ruleparser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <QJsonDocument>
#include <QJsonObject>

using outflow::parseRule;
using outflow::Rule;

namespace {

[[noreturn]] void fail(const char *what, const QString &text)
{
    std::fprintf(stderr, "invariant broken: %s (rule: %s)\n", what, qPrintable(text));
    std::abort();
}

const QJsonObject &profile()
{
    static const QJsonObject object = [] {
        QByteArray json("{'a': {'b': 'John', 'c': 150, 'd': true, 'e': null, 'f': {},"
                        " 'g': ['x', 1, true, null, '2024-01-31'], 'h': '2024-01-31T10:00:00Z',"
                        " 'i': '', 'odd key': {'x': 'y'}},"
                        " 'x': 1.5, 'y': 'Zo\\u00e9 \\ud83d\\ude00', 'z': '2024-01-01'}");
        json.replace('\'', '"');
        return QJsonDocument::fromJson(json).object();
    }();
    return object;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = parseRule(text);
    if (!result) {
        const auto &error = result.error();
        if (error.line < 1 || error.column < 1 || error.expected.isEmpty())
            fail("an error has a position and an expectation", text);
        if (!error.message().startsWith(
                QStringLiteral("line %1, column %2: expected ").arg(error.line).arg(error.column)))
            fail("the message names the position", text);
        return 0;
    }

    const Rule &rule = result.rule();
    const QString printed = rule.toString();
    const auto again = parseRule(printed);
    if (!again)
        fail("the printed rule parses", printed);
    if (!(again.rule() == rule))
        fail("the printed rule is the same rule", printed);
    if (again.rule().toString() != printed)
        fail("printing is idempotent", printed);
    if (rule.matches(profile()) != again.rule().matches(profile()))
        fail("the printed rule means the same", printed);
    for (const QString &path : rule.referencedPaths()) {
        if (!rule.dependsOnAnyOf({path}))
            fail("a rule depends on its paths", printed);
    }
    return 0;
}
