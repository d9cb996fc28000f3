using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Cases;

namespace StalkingProtection.Core.Data;

public abstract partial class StalkingProtectionDbContext
{
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
}
