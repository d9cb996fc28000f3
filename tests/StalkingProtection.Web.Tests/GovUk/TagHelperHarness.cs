using System.Globalization;
using System.Linq.Expressions;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace StalkingProtection.Web.Tests.GovUk;

internal sealed class TagHelperHarness<TModel>
    where TModel : class
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddControllersWithViews()
        .Services
        .BuildServiceProvider();

    public TagHelperHarness(TModel model)
    {
        ViewData = new ViewDataDictionary<TModel>(MetadataProvider, new ModelStateDictionary()) { Model = model };
        ViewContext = new ViewContext { ViewData = ViewData, HttpContext = new DefaultHttpContext() };
    }

    public static IModelMetadataProvider MetadataProvider => Services.GetRequiredService<IModelMetadataProvider>();

    public ViewDataDictionary<TModel> ViewData { get; }

    public ViewContext ViewContext { get; }

    public ModelStateDictionary ModelState => ViewData.ModelState;

    public ModelExpression For<TValue>(Expression<Func<TModel, TValue>> expression) =>
        Services.GetRequiredService<ModelExpressionProvider>().CreateModelExpression(ViewData, expression);

    public async Task<IElement> RenderAsync(TagHelper tagHelper, string tagName, string childHtml = "", params (string Name, object Value)[] unboundAttributes)
    {
        var attributes = new TagHelperAttributeList(unboundAttributes.Select(a => new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext(tagName, [], new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(childHtml)));
        return await RunAsync(tagHelper, context, output);
    }

    /// <summary>Runs a parent whose child content is made by child tag helpers sharing its context items, as Razor does.</summary>
    public async Task<IElement> RenderWithChildrenAsync(TagHelper parent, string tagName, params (TagHelper TagHelper, string TagName, string ChildHtml)[] children)
    {
        var context = new TagHelperContext(tagName, [], new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, [], async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            foreach (var child in children)
            {
                var childContext = new TagHelperContext(child.TagName, [], context.Items, Guid.NewGuid().ToString("N"));
                var childOutput = new TagHelperOutput(
                    child.TagName,
                    [],
                    (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(child.ChildHtml)));
                child.TagHelper.Init(childContext);
                await child.TagHelper.ProcessAsync(childContext, childOutput);
                content.AppendHtml(childOutput);
            }

            return content;
        });
        return await RunAsync(parent, context, output);
    }

    private static async Task<IElement> RunAsync(TagHelper tagHelper, TagHelperContext context, TagHelperOutput output)
    {
        tagHelper.Init(context);
        await tagHelper.ProcessAsync(context, output);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteTo(writer, HtmlEncoder.Default);
        var nodes = DomComparer.Parse("<div id=\"harness-root\">" + writer + "</div>");
        return (IElement)nodes[0];
    }
}
