namespace PartnerWatch.Detect.Logos;

/// <summary>Placeholder until step 4.</summary>
public sealed class ImageCandidateExtractor;
