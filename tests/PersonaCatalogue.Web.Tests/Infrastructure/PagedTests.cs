using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>The paging arithmetic every list shares.</summary>
public class PagedTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 3)]
    public void PageCount_IsThePagesTheItemsFill(int total, int expected) =>
        Assert.Equal(expected, new PagePosition(1, 50, total).PageCount);

    [Theory]
    [InlineData(1, 120, 1)]
    [InlineData(2, 120, 2)]
    [InlineData(3, 120, 3)]
    [InlineData(4, 120, 3)]
    [InlineData(int.MaxValue, 120, 3)]
    [InlineData(0, 120, 1)]
    [InlineData(-4, 120, 1)]
    [InlineData(int.MinValue, 120, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(7, 0, 1)]
    [InlineData(2, 50, 1)]
    public void Nearest_MovesAPagePastEitherEndToTheFirstOrLast(int requested, int total, int expected)
    {
        var position = PagePosition.Nearest(requested, 50, total);

        Assert.Equal((expected, 50, total), (position.Page, position.PageSize, position.Total));
    }

    [Theory]
    [InlineData(1, 101, 0, false, true)]
    [InlineData(2, 101, 50, true, true)]
    [InlineData(3, 101, 100, true, false)]
    [InlineData(1, 50, 0, false, false)]
    [InlineData(1, 0, 0, false, false)]
    public void OffsetAndNeighbours(int page, int total, int offset, bool hasPrevious, bool hasNext)
    {
        var position = new PagePosition(page, 50, total);

        Assert.Equal((offset, hasPrevious, hasNext), (position.Offset, position.HasPrevious, position.HasNext));
    }

    [Fact]
    public void Paged_IsTheListOfItsItems_AndConvertAllKeepsItsPosition()
    {
        var paged = new Paged<int>([21, 22, 23], new PagePosition(2, 20, 23));

        var converted = paged.ConvertAll(n => $"#{n}");

        Assert.Equal([21, 22, 23], paged);
        Assert.Equal(22, paged[1]);
        Assert.Equal(["#21", "#22", "#23"], converted);
        Assert.Equal((2, 20, 23, 2), (converted.Page, converted.PageSize, converted.Total, converted.PageCount));
        Assert.Equal((21, 23), (converted.FirstShown, converted.LastShown));
    }
}
