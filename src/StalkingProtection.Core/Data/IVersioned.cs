namespace StalkingProtection.Core.Data;

// RL4: SQLite cannot generate row versions, so the application increments a version column itself.
public interface IVersioned
{
    long Version { get; set; }
}
