#include "settings.h"

#include "logging.h"

#include <array>
#include <QSettings>

namespace outflow {
namespace {

struct Definition
{
    Settings::Key key;
    const char *name;
    QMetaType::Type type;
    QVariant defaultValue;
};

const std::array<Definition, 9> &definitions()
{
    using K = Settings::Key;
    static const std::array<Definition, 9> table{{
        {K::Language, "ui/language", QMetaType::QString, QString()},
        {K::NotificationsEnabled, "ui/notificationsEnabled", QMetaType::Bool, true},
        {K::StorePath, "store/path", QMetaType::QString, QString()},
        {K::IngestEnabled, "ingest/enabled", QMetaType::Bool, false},
        {K::IngestPort, "ingest/port", QMetaType::Int, 8765},
        {K::MainWindowGeometry, "mainWindow/geometry", QMetaType::QByteArray, QByteArray()},
        {K::MainWindowState, "mainWindow/state", QMetaType::QByteArray, QByteArray()},
        {K::LastPage, "mainWindow/lastPage", QMetaType::Int, 0},
        {K::MembershipRetentionDays, "segmentation/retentionDays", QMetaType::Int, 30},
    }};
    return table;
}

const Definition &definition(Settings::Key key)
{
    for (const auto &def : definitions()) {
        if (def.key == key)
            return def;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    const Definition &def = definition(key);
    const QVariant stored = m_settings->value(QString::fromLatin1(def.name));
    if (!stored.isValid())
        return def.defaultValue;
    QVariant converted = stored;
    if (!converted.convert(QMetaType(def.type))) {
        qCWarning(lcApp) << "Setting" << def.name << "in" << m_settings->fileName()
                         << "has an unusable value; using its default";
        return def.defaultValue;
    }
    return converted;
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QString::fromLatin1(definition(key).name), value);
}

void Settings::reset(Key key)
{
    m_settings->remove(QString::fromLatin1(definition(key).name));
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QString Settings::name(Key key)
{
    return QString::fromLatin1(definition(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return definition(key).defaultValue;
}

QList<Settings::Key> Settings::allKeys()
{
    QList<Key> keys;
    for (const auto &def : definitions())
        keys.append(def.key);
    return keys;
}

} // namespace outflow
