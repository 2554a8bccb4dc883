#include "DemoData.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace fieldsync::server::DemoData {

namespace {

const QString Project = QStringLiteral("demo");
const QString SeedDevice = QStringLiteral("demo-seed");
const QStringList ApprovedPermits{QStringLiteral("permit/hot-work-l3"), QStringLiteral("permit/tank-t2"),
                                  QStringLiteral("permit/db4"), QStringLiteral("permit/crane-ahu")};

QString idFor(const QString &name)
{
    static const QUuid ns = QUuid::fromString(QStringLiteral("{6f1d3c2a-5e8b-4f43-9a57-0c3b8e2d7f10}"));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

QString at(qint64 hoursFromNow)
{
    QDateTime time = QDateTime::currentDateTimeUtc().addSecs(hoursFromNow * 3600);
    time.setTime(QTime(time.time().hour(), 0));
    return time.toString(Qt::ISODate);
}

QString day(qint64 daysFromToday)
{
    return QDate::currentDate().addDays(daysFromToday).toString(Qt::ISODate);
}

QJsonArray list(const QStringList &items)
{
    return QJsonArray::fromStringList(items);
}

// Appends one create (or append) to a batch; name makes both the record id and the offline id.
class BatchBuilder
{
public:
    BatchBuilder(const QString &user, Role role) { m_batch = Batch{user, role, {}}; }

    void add(EntityKind entity, const QString &name, QJsonObject data)
    {
        protocol::Change change;
        change.offlineId = idFor(QStringLiteral("offline/") + name);
        change.entity = entity;
        change.op = entity == EntityKind::GasReading ? ChangeOp::Append : ChangeOp::Create;
        change.id = idFor(name);
        data.insert(QStringLiteral("project_id"), Project);
        change.data = std::move(data);
        m_batch.request.changes.append(std::move(change));
    }

    // A status move of a record made earlier in the demo, as the version it was at.
    void move(EntityKind entity, const QString &name, qint64 atVersion, const QString &from,
              const QString &to)
    {
        protocol::Change change;
        change.offlineId = idFor(QStringLiteral("offline/%1/%2").arg(name, to));
        change.entity = entity;
        change.op = ChangeOp::Update;
        change.id = idFor(name);
        change.clientVersion = atVersion;
        change.base = QJsonObject{{QStringLiteral("status"), from}};
        change.data = QJsonObject{{QStringLiteral("status"), to}};
        m_batch.request.changes.append(std::move(change));
    }

    Batch take(const QString &batchName)
    {
        m_batch.request.deviceId = SeedDevice;
        m_batch.request.batchId = idFor(QStringLiteral("batch/") + batchName);
        m_batch.request.clientTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        return m_batch;
    }

private:
    Batch m_batch;
};

QJsonObject permit(const QString &title, const QString &workType, const QString &status,
                   const QString &location, const QString &description, const QStringList &ppe,
                   const QJsonObject &checklist, qint64 fromHours, qint64 toHours)
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("work_type"), workType},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("ppe_requirements"), list(ppe)},
                       {QStringLiteral("safety_checklist"), checklist},
                       {QStringLiteral("valid_from"), at(fromHours)},
                       {QStringLiteral("valid_to"), at(toHours)},
                       {QStringLiteral("assignee"), QStringLiteral("demo-foreman")}};
}

QJsonObject isolation(const QString &permitName, const QString &description, const QString &status,
                      const QStringList &locks)
{
    return QJsonObject{{QStringLiteral("permit_id"), idFor(permitName)},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("lock_ids"), list(locks)}};
}

QJsonObject reading(const QString &permitName, const QString &gas, double value, const QString &unit,
                    qint64 hoursAgo)
{
    return QJsonObject{{QStringLiteral("permit_id"), idFor(permitName)},
                       {QStringLiteral("gas"), gas},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("unit"), unit},
                       {QStringLiteral("taken_at"), at(-hoursAgo)}};
}

QJsonObject task(const QString &title, const QString &status, const QString &priority, qint64 dueInDays,
                 const QString &permitName = {})
{
    QJsonObject data{{QStringLiteral("title"), title},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("priority"), priority},
                     {QStringLiteral("due_date"), day(dueInDays)},
                     {QStringLiteral("assignee"), QStringLiteral("demo-foreman")}};
    if (!permitName.isEmpty())
        data.insert(QStringLiteral("permit_id"), idFor(permitName));
    return data;
}

// The permits the office has approved since: their receiver, the foreman, prepared and submitted
// them (an issuer never approves a permit they submitted themselves).
Batch submissionsBatch()
{
    BatchBuilder foreman(QStringLiteral("demo-foreman"), Role::Foreman);
    foreman.add(
        EntityKind::Permit, QStringLiteral("permit/hot-work-l3"),
        permit(
            QStringLiteral("Hot work: weld handrail brackets, level 3"), QStringLiteral("hot_work"),
            QStringLiteral("submitted"), QStringLiteral("Block A, level 3, east stair core"),
            QStringLiteral("MIG welding of 14 handrail brackets. Fire watch for 60 min after the last weld."),
            {QStringLiteral("helmet"), QStringLiteral("gloves"), QStringLiteral("face_shield"),
             QStringLiteral("fire_resistant_clothing")},
            QJsonObject{{QStringLiteral("area_barricaded"), true},
                        {QStringLiteral("fire_watch_present"), true},
                        {QStringLiteral("extinguisher_nearby"), true},
                        {QStringLiteral("combustibles_removed"), true}},
            -2, 6));
    foreman.add(
        EntityKind::Permit, QStringLiteral("permit/tank-t2"),
        permit(
            QStringLiteral("Confined space entry: storm water tank T-2"), QStringLiteral("confined_space"),
            QStringLiteral("submitted"), QStringLiteral("Basement B2, tank T-2 manhole"),
            QStringLiteral("Inspect and clean the inlet screen. Two entrants, one standby at the manhole."),
            {QStringLiteral("helmet"), QStringLiteral("harness"), QStringLiteral("gas_detector"),
             QStringLiteral("respirator")},
            QJsonObject{{QStringLiteral("gas_tested"), true},
                        {QStringLiteral("isolation_verified"), false},
                        {QStringLiteral("rescue_plan_briefed"), true},
                        {QStringLiteral("standby_person_assigned"), true}},
            1, 9));
    foreman.add(
        EntityKind::Permit, QStringLiteral("permit/db4"),
        permit(
            QStringLiteral("Electrical: tie in distribution board DB-4"), QStringLiteral("electrical"),
            QStringLiteral("submitted"), QStringLiteral("Block B, ground floor plant room"),
            QStringLiteral("Suspended: the utility has not confirmed isolation of the upstream feeder."),
            {QStringLiteral("helmet"), QStringLiteral("insulated_gloves"), QStringLiteral("arc_flash_suit")},
            QJsonObject{{QStringLiteral("isolation_verified"), false},
                        {QStringLiteral("voltage_tested"), false}},
            -20, 28));
    foreman.add(
        EntityKind::Permit, QStringLiteral("permit/crane-ahu"),
        permit(QStringLiteral("Lifting: crane lift of AHU units to the roof"), QStringLiteral("lifting"),
               QStringLiteral("submitted"), QStringLiteral("North elevation, crane pad 2"),
               QStringLiteral("Three air handling units, 2.4 t each. Lift plan LP-07."),
               {QStringLiteral("helmet"), QStringLiteral("high_visibility_vest"), QStringLiteral("gloves")},
               QJsonObject{{QStringLiteral("exclusion_zone_set"), true},
                           {QStringLiteral("lift_plan_briefed"), true},
                           {QStringLiteral("wind_speed_checked"), true}},
               -72, -64));
    return foreman.take(QStringLiteral("submissions"));
}

Batch officeBatch()
{
    BatchBuilder pm(QStringLiteral("demo-pm"), Role::Pm);
    for (const QString &permit : ApprovedPermits)
        pm.move(EntityKind::Permit, permit, 1, QStringLiteral("submitted"), QStringLiteral("approved"));
    pm.add(EntityKind::IsolationPoint, QStringLiteral("isolation/t2-inlet"),
           isolation(QStringLiteral("permit/tank-t2"),
                     QStringLiteral("Inlet valve V-12 closed, chained and locked"),
                     QStringLiteral("verified"), {QStringLiteral("L-101")}));
    pm.add(EntityKind::IsolationPoint, QStringLiteral("isolation/t2-pump"),
           isolation(QStringLiteral("permit/tank-t2"), QStringLiteral("Pump P-3 breaker MCC-2/7 locked off"),
                     QStringLiteral("isolated"), {QStringLiteral("L-102"), QStringLiteral("L-103")}));
    pm.add(EntityKind::IsolationPoint, QStringLiteral("isolation/t2-outlet"),
           isolation(QStringLiteral("permit/tank-t2"), QStringLiteral("Outlet valve V-14 closed"),
                     QStringLiteral("assigned"), {}));
    pm.add(EntityKind::IsolationPoint, QStringLiteral("isolation/db4-feeder"),
           isolation(QStringLiteral("permit/db4"), QStringLiteral("Main switchboard MSB-1, feeder 4"),
                     QStringLiteral("isolated"), {QStringLiteral("L-210")}));
    return pm.take(QStringLiteral("office"));
}

// Work that went ahead on site, and the electrical permit the office stopped on the way.
Batch progressBatch()
{
    BatchBuilder foreman(QStringLiteral("demo-foreman"), Role::Foreman);
    for (const QString &permit : {QStringLiteral("permit/hot-work-l3"), QStringLiteral("permit/db4"),
                                  QStringLiteral("permit/crane-ahu")})
        foreman.move(EntityKind::Permit, permit, 2, QStringLiteral("approved"), QStringLiteral("active"));
    foreman.move(EntityKind::Permit, QStringLiteral("permit/crane-ahu"), 3, QStringLiteral("active"),
                 QStringLiteral("closed"));
    return foreman.take(QStringLiteral("progress"));
}

Batch suspensionBatch()
{
    BatchBuilder pm(QStringLiteral("demo-pm"), Role::Pm);
    pm.move(EntityKind::Permit, QStringLiteral("permit/db4"), 3, QStringLiteral("active"),
            QStringLiteral("suspended"));
    return pm.take(QStringLiteral("suspension"));
}

Batch siteBatch()
{
    BatchBuilder foreman(QStringLiteral("demo-foreman"), Role::Foreman);
    foreman.add(EntityKind::Permit, QStringLiteral("permit/facade-anchors"),
                permit(QStringLiteral("Work at height: install facade anchors, grid C-D"),
                       QStringLiteral("work_at_height"), QStringLiteral("submitted"),
                       QStringLiteral("West facade, levels 4 to 6, MEWP from the car park"),
                       QStringLiteral("Drill and fix 40 anchors from a 16 m boom lift."),
                       {QStringLiteral("helmet"), QStringLiteral("harness"), QStringLiteral("gloves")},
                       QJsonObject{{QStringLiteral("harness_inspected"), true},
                                   {QStringLiteral("exclusion_zone_set"), false},
                                   {QStringLiteral("mewp_inspected"), true}},
                       24, 34));
    foreman.add(EntityKind::Permit, QStringLiteral("permit/trench"),
                permit(QStringLiteral("Excavation: drainage trench, north car park"),
                       QStringLiteral("excavation"), QStringLiteral("draft"),
                       QStringLiteral("North car park, bays 12 to 30"),
                       QStringLiteral("1.4 m deep trench for the new drainage run. Shoring boxes needed."),
                       {QStringLiteral("helmet"), QStringLiteral("high_visibility_vest")},
                       QJsonObject{{QStringLiteral("services_located"), false}}, 48, 120));
    foreman.add(EntityKind::Permit, QStringLiteral("permit/deck-openings"),
                permit(QStringLiteral("Hot work: cut openings in steel deck, level 5"),
                       QStringLiteral("hot_work"), QStringLiteral("cancelled"),
                       QStringLiteral("Block A, level 5"),
                       QStringLiteral("Cancelled: openings moved to the next design revision."),
                       {QStringLiteral("helmet"), QStringLiteral("face_shield")}, QJsonObject{}, -30, -22));
    foreman.add(EntityKind::Permit, QStringLiteral("permit/lift-pit"),
                permit(QStringLiteral("Confined space: inspect lift pit 2"), QStringLiteral("confined_space"),
                       QStringLiteral("draft"), QStringLiteral("Block B, lift shaft 2 pit"),
                       QStringLiteral("Visual inspection of pit drainage after the flooding last week."),
                       {QStringLiteral("helmet"), QStringLiteral("gas_detector")}, QJsonObject{}, 30, 34));

    const QString tank = QStringLiteral("permit/tank-t2");
    foreman.add(EntityKind::GasReading, QStringLiteral("gas/t2-o2"),
                reading(tank, QStringLiteral("O2"), 20.9, QStringLiteral("%"), 1));
    foreman.add(EntityKind::GasReading, QStringLiteral("gas/t2-lel"),
                reading(tank, QStringLiteral("LEL"), 0, QStringLiteral("%LEL"), 1));
    foreman.add(EntityKind::GasReading, QStringLiteral("gas/t2-h2s"),
                reading(tank, QStringLiteral("H2S"), 0, QStringLiteral("ppm"), 1));
    foreman.add(EntityKind::GasReading, QStringLiteral("gas/t2-co"),
                reading(tank, QStringLiteral("CO"), 2, QStringLiteral("ppm"), 1));
    foreman.add(
        EntityKind::GasReading, QStringLiteral("gas/l3-lel"),
        reading(QStringLiteral("permit/hot-work-l3"), QStringLiteral("LEL"), 0, QStringLiteral("%LEL"), 2));

    const QList<QPair<QString, QJsonObject>> tasks{
        {QStringLiteral("task/fire-watch"),
         task(QStringLiteral("Set up fire watch for level 3 welding"), QStringLiteral("in_progress"),
              QStringLiteral("high"), 0, QStringLiteral("permit/hot-work-l3"))},
        {QStringLiteral("task/slag"),
         task(QStringLiteral("Clean up welding slag in the stair core"), QStringLiteral("open"),
              QStringLiteral("low"), 1, QStringLiteral("permit/hot-work-l3"))},
        {QStringLiteral("task/t2-barricade"),
         task(QStringLiteral("Barricade the tank T-2 manhole area"), QStringLiteral("done"),
              QStringLiteral("normal"), -1, tank)},
        {QStringLiteral("task/t2-rescue"),
         task(QStringLiteral("Brief the rescue team for the tank T-2 entry"), QStringLiteral("open"),
              QStringLiteral("urgent"), 1, tank)},
        {QStringLiteral("task/harness"),
         task(QStringLiteral("Inspect harnesses and lanyards"), QStringLiteral("open"),
              QStringLiteral("normal"), 1, QStringLiteral("permit/facade-anchors"))},
        {QStringLiteral("task/services"),
         task(QStringLiteral("Locate buried services before digging"), QStringLiteral("open"),
              QStringLiteral("high"), 2, QStringLiteral("permit/trench"))},
        {QStringLiteral("task/db4-utility"),
         task(QStringLiteral("Get the utility to confirm isolation for DB-4"), QStringLiteral("open"),
              QStringLiteral("urgent"), 0, QStringLiteral("permit/db4"))},
        {QStringLiteral("task/edge-protection"),
         task(QStringLiteral("Replace damaged edge protection on level 4"), QStringLiteral("in_progress"),
              QStringLiteral("high"), 0)},
        {QStringLiteral("task/induction"), task(QStringLiteral("Update the site induction sheet (Spanish)"),
                                                QStringLiteral("done"), QStringLiteral("normal"), -3)},
        {QStringLiteral("task/calibration-gas"),
         task(QStringLiteral("Order calibration gas for the detectors"), QStringLiteral("open"),
              QStringLiteral("normal"), 7)},
    };
    for (const auto &entry : tasks)
        foreman.add(EntityKind::Task, entry.first, entry.second);
    return foreman.take(QStringLiteral("site"));
}

} // namespace

QList<Batch> batches()
{
    return {submissionsBatch(), officeBatch(), progressBatch(), suspensionBatch(), siteBatch()};
}

} // namespace fieldsync::server::DemoData
