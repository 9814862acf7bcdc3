using AngleSharp.Dom;

namespace PartnerWatch.Detect;

/// <summary>Walls of organisations recognised by their shape (<see cref="LinkedLogoWall"/>), not by a word.</summary>
internal sealed partial class ContextResolver
{
    /// <summary>How far above the mention the wall's container may sit: item → link → picture wrappers → container.</summary>
    private const int MaxWallLevel = 5;

    private const string LinkedWallDescription = "logo wall (logos linked to their organisations' home pages)";

    private readonly Dictionary<IElement, bool> _linkedWalls = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// True when <paramref name="node"/> holds a wall of logos linked to other organisations' home pages. Consulted only
    /// where no heading, label, class or semantic tag has spoken yet, so it never overrides a negative section.
    /// </summary>
    private bool IsLinkedLogoWall(IElement node)
    {
        if (!_linkedWalls.TryGetValue(node, out var wall))
        {
            wall = LinkedLogoWall.Holds(node, _pageUrl);
            _linkedWalls[node] = wall;
        }

        return wall;
    }
}
