using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Data;

public abstract partial class StalkingProtectionDbContext
{
    public DbSet<PublicReport> PublicReports => Set<PublicReport>();

    public DbSet<PublicReportDraft> PublicReportDrafts => Set<PublicReportDraft>();

    public DbSet<Feedback> Feedback => Set<Feedback>();

    public DbSet<Breaches.ReportedBreach> ReportedBreaches => Set<Breaches.ReportedBreach>();
}
