#pragma once

#include <functional>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace outflow::cli {

// Translated text of outflowctl, in the "outflowctl" context: Text::tr("…").
class Text
{
    Q_DECLARE_TR_FUNCTIONS(outflowctl)
};

// What a command receives: its own arguments (after the command name) and the
// global options. Output goes through out/err so that tests can capture it.
struct Context
{
    QStringList arguments; // argv[0] = "outflowctl <command>", then the command's arguments
    bool json = false;
    QString storePath;
    QTextStream &out;
    QTextStream &err;
};

// A command returns its exit code, or RunEventLoop when it started
// asynchronous work that will call QCoreApplication::exit(code) itself.
inline constexpr int RunEventLoop = -1;
using Handler = std::function<int(Context &)>;

struct Command
{
    QString name;
    QString synopsis;    // e.g. "add|list|show|test|enable|disable|remove"
    const char *summary; // QT_TRANSLATE_NOOP("outflowctl", …)
    Handler handler;
};

// Parses a command's own options. Returns nullopt to go on; otherwise the
// exit code to return at once: 0 after printing the options for --help, 2
// after printing "<command>: <what is wrong>" for a bad option (or, unless
// allowed, a positional argument).
std::optional<int> parseCommandOptions(QCommandLineParser &parser, Context &context,
                                       const QString &command, bool allowPositional);

// The command table, in the order of DESIGN §5.
QList<Command> commands();

int keychainCommand(Context &context);
int destinationCommand(Context &context);
int activateCommand(Context &context);
int statusCommand(Context &context);
int resendCommand(Context &context);
int alertsCommand(Context &context);
int audienceCommand(Context &context);
int ingestCommand(Context &context);
int ingestTokenCommand(Context &context);
int profilesCommand(Context &context);
int runCommand(Context &context);
int receiverCommand(Context &context);
int demoFeedCommand(Context &context);
int deliveriesCommand(Context &context);
int replayCommand(Context &context);
int storeCommand(Context &context);
// `destination test N`: destinationCommand() hands its "test" action here, with
// the arguments after the action (arguments[0] = "outflowctl destination test").
int destinationTestCommand(Context &context, const QStringList &arguments);

} // namespace outflow::cli
