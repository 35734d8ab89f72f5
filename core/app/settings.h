#pragma once

#include <memory>
#include <QString>
#include <QVariant>

class QSettings;

namespace outflow {

// Every persisted preference in one typed table (name, type, default), so that
// a key is spelled once and a stored value of the wrong type falls back to its
// default instead of leaking garbage into the UI.
class Settings final
{
public:
    enum class Key {
        Language,             // "" = follow the system locale, else "en" or "fr"
        NotificationsEnabled, // desktop notifications for alerts
        StorePath,            // "" = the default store in the data folder
        IngestEnabled,        // start the local ingest endpoint with the GUI
        IngestPort,
        MainWindowGeometry,
        MainWindowState,
        LastPage,                // navigation page shown at the last exit
        MembershipRetentionDays, // exited memberships are kept this long (DESIGN §1)
    };

    // Settings in the platform's usual place for this application.
    Settings();
    // Settings in an INI file; for tests and for `--settings FILE`.
    explicit Settings(const QString &iniFile);
    ~Settings();
    Q_DISABLE_COPY_MOVE(Settings)

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    void sync();
    QString fileName() const;

    static QString name(Key key);
    static QVariant defaultValue(Key key);
    static QList<Key> allKeys();

    QString language() const { return value(Key::Language).toString(); }
    bool notificationsEnabled() const { return value(Key::NotificationsEnabled).toBool(); }
    QString storePath() const { return value(Key::StorePath).toString(); }
    int ingestPort() const { return value(Key::IngestPort).toInt(); }
    int membershipRetentionDays() const { return value(Key::MembershipRetentionDays).toInt(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace outflow
