using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

public enum RiskTool
{
    Dash,
    SDash,
    VsDash,
    Sash,
    StalkingRiskProfile,
    Other,
}

public enum RiskLevel
{
    Standard,
    Medium,
    High,
}

public static class RiskTools
{
    /// <summary>A risk tool by the name staff know it by: "S-DASH", "SASH".</summary>
    public static string Name(RiskTool tool) => tool switch
    {
        RiskTool.Dash => "DASH",
        RiskTool.SDash => "S-DASH",
        RiskTool.VsDash => "VS-DASH",
        RiskTool.Sash => "SASH",
        RiskTool.StalkingRiskProfile => "Stalking Risk Profile",
        _ => "Other tool",
    };

    /// <summary>"standard", "medium" or "high", to follow "the risk is".</summary>
    public static string LevelText(RiskLevel level) => level.ToString().ToLowerInvariant();
}

/// <summary>A completed risk assessment; answers are kept as one character per question: Y, N or U (unknown).</summary>
public class RiskAssessment
{
    public const int SDashQuestionCount = 11;
    public const int SashQuestionCount = 13;
    public const int SashExIntimateQuestionCount = 3;
    public const int AnswersMaxLength = 100;
    public const int VersionMaxLength = 50;
    public const int AssessorMaxLength = 200;
    public const int NotesMaxLength = 4000;

    public required Guid Id { get; init; }

    public required Guid CaseId { get; init; }

    public RiskTool Tool { get; private init; }

    public string? ToolVersion { get; private init; }

    public string Answers { get; private init; } = "";

    public RiskLevel Level { get; private init; }

    public string Assessor { get; private init; } = "";

    public DateTimeOffset CompletedAt { get; private init; }

    public DateOnly NextReviewOn { get; private init; }

    public string? Notes { get; private init; }

    public static RiskAssessment Record(Guid caseId, RiskTool tool, string? toolVersion, string answers, RiskLevel level,
        string assessor, DateOnly nextReviewOn, string? notes, DateTimeOffset now)
    {
        var normalised = answers.Trim().ToUpperInvariant();
        new RuleCheck()
            .Must(normalised.All(c => c is 'Y' or 'N' or 'U'), "Input", "answers", "Answer each question Y, N or U", "S-DASH (2009); SASH (2015)")
            .Must(tool != RiskTool.SDash || normalised.Length == SDashQuestionCount, "Input", "answers",
                $"An S-DASH assessment has {SDashQuestionCount} questions", "S-DASH (2009)")
            .Must(tool != RiskTool.Sash || normalised.Length is SashQuestionCount or SashQuestionCount + SashExIntimateQuestionCount, "Input", "answers",
                $"A SASH screen has {SashQuestionCount} questions, plus {SashExIntimateQuestionCount} for ex-intimate cases", "SASH (2015)")
            .Must(normalised.Length <= AnswersMaxLength && (notes?.Length ?? 0) <= NotesMaxLength, "Input", "answers", "Too many answers", "")
            .Must(!string.IsNullOrWhiteSpace(assessor) && assessor.Length <= AssessorMaxLength, "Input", "assessor", "Enter who completed the assessment", "")
            .ThrowIfBroken();

        return new RiskAssessment
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Tool = tool,
            ToolVersion = toolVersion,
            Answers = normalised,
            Level = level,
            Assessor = assessor,
            CompletedAt = now.ToUniversalTime(),
            NextReviewOn = nextReviewOn,
            Notes = notes,
        };
    }
}

public sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.ToTable("risk_assessments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Tool).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ToolVersion).HasMaxLength(RiskAssessment.VersionMaxLength);
        builder.Property(r => r.Answers).HasMaxLength(RiskAssessment.AnswersMaxLength);
        builder.Property(r => r.Assessor).HasMaxLength(RiskAssessment.AssessorMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(RiskAssessment.NotesMaxLength);
        builder.HasOne<StalkingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.CompletedAt });
    }
}
