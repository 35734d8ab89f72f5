// `outflowctl audience` as a user runs it: the real binary, a real store file.
#include "support/processrunner.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using outflow::test::ProcessResult;
using outflow::test::runProcess;

namespace {
const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);

QByteArray fragment(int i, int points)
{
    return QByteArray("{\"identityMap\":{\"email\":[{\"id\":\"user")
        .append(QByteArray::number(i))
        .append("@example.com\",\"primary\":true}]},\"loyalty\":{\"points\":")
        .append(QByteArray::number(points))
        .append("}}\n");
}
} // namespace

class TestCliAudience final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void addIngestListShow()
    {
        auto r = run({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("Gold"), QStringLiteral("--rule"),
                      QStringLiteral("loyalty.points >= 100"), QStringLiteral("--merge-policy"),
                      QStringLiteral("crm")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("“Gold”")), qPrintable(r.out));

        r = run({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Gold"), QStringLiteral("--rule"), QStringLiteral("a exists")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("“Gold”")), qPrintable(r.err));

        r = run({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Bad"), QStringLiteral("--rule"), QStringLiteral("a = ")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("line 1, column")), qPrintable(r.err));

        QByteArray ndjson;
        for (int i = 0; i < 200; ++i)
            ndjson.append(fragment(i, i)); // 100..199 qualify
        const QString file = write(QStringLiteral("f.ndjson"), ndjson);
        r = run({QStringLiteral("ingest"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("100 memberships entered")), qPrintable(r.out));

        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject gold = list.first().toObject();
        QCOMPARE(gold.value(QLatin1String("name")).toString(), QStringLiteral("Gold"));
        QCOMPARE(gold.value(QLatin1String("origin")).toString(), QStringLiteral("segmentation"));
        QCOMPARE(gold.value(QLatin1String("mergePolicyId")).toString(), QStringLiteral("crm"));
        QCOMPARE(gold.value(QLatin1String("realized")).toInteger(), 100);
        QVERIFY(gold.value(QLatin1String("createdAt")).toInteger() > 1'600'000'000'000);
        QCOMPARE(gold.value(QLatin1String("updatedAt")).toInteger(),
                 gold.value(QLatin1String("createdAt")).toInteger());
        QCOMPARE(gold.value(QLatin1String("id")).toString().size(), 36);

        // Half of them drop below the threshold.
        ndjson.clear();
        for (int i = 100; i < 150; ++i)
            ndjson.append(fragment(i, 1));
        r = run({QStringLiteral("ingest"), write(QStringLiteral("g.ndjson"), ndjson)});
        QCOMPARE(r.exitCode, 0);

        r = run({QStringLiteral("audience"), QStringLiteral("show"), QStringLiteral("Gold")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Rule: loyalty.points >= 100")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Realized: 50")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Exited: 50")), qPrintable(r.out));

        r = run({QStringLiteral("audience"), QStringLiteral("show"), QStringLiteral("Nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("“Nope”")));
    }

    void importWithBadRows()
    {
        QByteArray csv("email,name\n");
        for (int i = 0; i < 100; ++i) {
            if (i == 10)
                csv.append(",nobody\n"); // line 12
            else if (i == 50)
                csv.append("a@b.c\n"); // line 52: one field
            else
                csv.append("user").append(QByteArray::number(i)).append("@example.com,x\n");
        }
        const QString file = write(QStringLiteral("members.csv"), csv);
        auto r = run({QStringLiteral("audience"), QStringLiteral("import"),
                      QStringLiteral("--name"), QStringLiteral("Upload"),
                      QStringLiteral("--identity-column"), QStringLiteral("email"),
                      QStringLiteral("--namespace"), QStringLiteral("email"), file});
        QCOMPARE(r.exitCode, 2);
        const QStringList errors = r.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors[0].contains(QLatin1String("line 12")), qPrintable(errors[0]));
        QVERIFY2(errors[1].contains(QLatin1String("line 52")), qPrintable(errors[1]));
        QVERIFY2(r.out.contains(QLatin1String("98 members")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("; 2 rows rejected.")), qPrintable(r.out));

        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("list")});
        const QJsonObject upload =
            QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(upload.value(QLatin1String("origin")).toString(), QStringLiteral("custom-upload"));
        QCOMPARE(upload.value(QLatin1String("realized")).toInteger(), 98);
        r = run({QStringLiteral("--json"), QStringLiteral("profiles"), QStringLiteral("--count")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QLatin1String("count"))
                     .toInteger(),
                 98);

        r = run({QStringLiteral("audience"), QStringLiteral("import"), QStringLiteral("--name"),
                 QStringLiteral("Upload"), QStringLiteral("--identity-column"),
                 QStringLiteral("mail"), QStringLiteral("--namespace"), QStringLiteral("email"),
                 file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("“mail”")) &&
                     r.err.contains(QLatin1String("email, name")),
                 qPrintable(r.err));
    }

    // audience preview (issue #17): the count a rule would realize, with
    // samples, nothing stored; the same count as the audience it becomes.
    void previewCountsWithoutStoring()
    {
        QByteArray ndjson;
        for (int i = 0; i < 60; ++i)
            ndjson.append(fragment(i, i * 5)); // points 0..295: 40 at 100 or more
        QCOMPARE(
            run({QStringLiteral("ingest"), write(QStringLiteral("p.ndjson"), ndjson)}).exitCode, 0);
        const QString rule = QStringLiteral("loyalty.points >= 100");
        auto r =
            run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("preview"),
                 rule, QStringLiteral("--samples"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject preview = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(preview.value(u"matching").toInteger(), 40);
        QCOMPARE(preview.value(u"evaluated").toInteger(), 60);
        QCOMPARE(preview.value(u"samples").toArray().size(), 3);
        QVERIFY(preview.value(u"samples")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"identity")
                    .toString()
                    .contains(u':'));
        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("list")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0); // nothing stored

        r = run({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Gold"), QStringLiteral("--rule"), rule});
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("list")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(u"realized")
                     .toInteger(),
                 40);

        r = run({QStringLiteral("audience"), QStringLiteral("preview"),
                 QStringLiteral("loyalty.points >=")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("line 1, column")), qPrintable(r.err));
    }

    void helpListsTheActions()
    {
        const auto r = run({QStringLiteral("audience"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *action :
             {"add", "import", "list", "show", "rename", "edit", "remove", "preview"})
            QVERIFY2(r.out.contains(QLatin1String("  ") + QLatin1String(action)), action);
        QCOMPARE(run({QStringLiteral("audience"), QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void renameEditRemove()
    {
        QByteArray ndjson;
        for (int i = 0; i < 10; ++i)
            ndjson.append(fragment(i, i * 10));
        QCOMPARE(
            run({QStringLiteral("ingest"), write(QStringLiteral("f.ndjson"), ndjson)}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("A"), QStringLiteral("--rule"),
                      QStringLiteral("loyalty.points >= 50")})
                     .exitCode,
                 0);
        auto r = run({QStringLiteral("audience"), QStringLiteral("edit"), QStringLiteral("A"),
                      QStringLiteral("--rule"), QStringLiteral("loyalty.points >= 20")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("3 profiles entered, 0 exited")), qPrintable(r.out));
        QCOMPARE(run({QStringLiteral("audience"), QStringLiteral("rename"), QStringLiteral("A"),
                      QStringLiteral("--name"), QStringLiteral("B")})
                     .exitCode,
                 0);
        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("show"),
                 QStringLiteral("B")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QLatin1String("realized"))
                     .toInteger(),
                 8);
        // The app's Edit dialog's twin: the description alone, the members kept.
        r = run({QStringLiteral("audience"), QStringLiteral("edit"), QStringLiteral("B"),
                 QStringLiteral("--description"), QStringLiteral("Loyal customers")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Description updated.")), qPrintable(r.out));
        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("show"),
                 QStringLiteral("B")});
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(shown.value(QLatin1String("description")).toString(),
                 QStringLiteral("Loyal customers"));
        QCOMPARE(shown.value(QLatin1String("realized")).toInteger(), 8);
        QCOMPARE(
            run({QStringLiteral("audience"), QStringLiteral("edit"), QStringLiteral("B")}).exitCode,
            2);
        QCOMPARE(run({QStringLiteral("audience"), QStringLiteral("remove"), QStringLiteral("B")})
                     .exitCode,
                 0);
        r = run({QStringLiteral("--json"), QStringLiteral("audience"), QStringLiteral("list")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("[]"));
        QCOMPARE(run({QStringLiteral("audience"), QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void importShowsProgressOnATerminalOnly()
    {
        QByteArray csv("email\n");
        for (int i = 0; i < 2000; ++i)
            csv.append("p").append(QByteArray::number(i)).append("@example.com\n");
        const QString file = write(QStringLiteral("progress.csv"), csv);
        // script(1) runs the command on a pseudo-terminal, as an administrator
        // at a shell would; its stdout carries the terminal's output.
        // QString, not auto: a QStringBuilder would outlive the text it refers to.
        const auto quoted = [](const QString &text) -> QString {
            return QLatin1Char('\'') + text + QLatin1Char('\'');
        };
        const QString command =
            QStringList{quoted(cli), QStringLiteral("--store"), quoted(m_store),
                        QStringLiteral("audience import --name Terminal --identity-column email"
                                       " --namespace email"),
                        quoted(file)}
                .join(QLatin1Char(' '));
        const ProcessResult onTerminal =
            runProcess(QStringLiteral("script"),
                       {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QCOMPARE(onTerminal.exitCode, 0);
        QVERIFY2(onTerminal.out.contains(QLatin1String("Importing ")) &&
                     onTerminal.out.contains(QLatin1String(" %")),
                 qPrintable(onTerminal.out));
        QVERIFY(onTerminal.out.contains(QLatin1String("\x1b[K"))); // the line is cleared after
        QVERIFY(onTerminal.out.contains(QLatin1String("2000 members")));

        // The same import through pipes: the summary only.
        const ProcessResult piped =
            run({QStringLiteral("audience"), QStringLiteral("import"), QStringLiteral("--name"),
                 QStringLiteral("Terminal"), QStringLiteral("--identity-column"),
                 QStringLiteral("email"), QStringLiteral("--namespace"), QStringLiteral("email"),
                 file});
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.err.isEmpty(), qPrintable(piped.err));
        QVERIFY(!piped.out.contains(QLatin1Char('\r')));
    }

private:
    ProcessResult run(const QStringList &arguments)
    {
        QStringList all{QStringLiteral("--store"), m_store};
        all.append(arguments);
        const ProcessResult result = runProcess(cli, all);
        if (!result.finished)
            qWarning() << "outflowctl did not finish:" << arguments;
        return result;
    }

    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qWarning() << "cannot write" << path;
        return path;
    }

    QTemporaryDir m_dir;
    QString m_store;
};

QTEST_GUILESS_MAIN(TestCliAudience)
#include "tst_cli_audience.moc"
