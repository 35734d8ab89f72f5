#pragma once

#include <QString>
#include <QStringList>

namespace outflow {

// One step of a store's schema history. A store runs every migration whose
// version is above its own, in ascending order, each in its own transaction
// together with its row in schema_version, so an upgrade never stops halfway.
// Statements are run one by one: SQLite executes only the first statement of
// a string.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

} // namespace outflow
