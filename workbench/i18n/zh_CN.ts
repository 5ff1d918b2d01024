<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Align &amp;Left</source>
        <extracomment>Arrange menu entries: (arrangement name in workbench.canvas.arrange, menu text, tip).</extracomment>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Align the selected boxes on the left</source>
        <translation>所选方框左对齐</translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation>水平居中对齐(&amp;C)</translation>
    </message>
    <message>
        <source>Align the selected boxes on their centres</source>
        <translation>所选方框按中心水平对齐</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <source>Align the selected boxes on the right</source>
        <translation>所选方框右对齐</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>顶端对齐(&amp;T)</translation>
    </message>
    <message>
        <source>Align the selected boxes at the top</source>
        <translation>所选方框顶端对齐</translation>
    </message>
    <message>
        <source>Align &amp;Middle</source>
        <translation>垂直居中对齐(&amp;M)</translation>
    </message>
    <message>
        <source>Align the selected boxes on their middles</source>
        <translation>所选方框按中线垂直对齐</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>底端对齐(&amp;B)</translation>
    </message>
    <message>
        <source>Align the selected boxes at the bottom</source>
        <translation>所选方框底端对齐</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>水平等距分布(&amp;H)</translation>
    </message>
    <message>
        <source>Space the selected boxes evenly across</source>
        <translation>所选方框在水平方向等距排列</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>垂直等距分布(&amp;V)</translation>
    </message>
    <message>
        <source>Space the selected boxes evenly down</source>
        <translation>所选方框在垂直方向等距排列</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <extracomment>View &gt; Theme entries: (theme of widgets.app_theme.THEMES, menu text, tip).</extracomment>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>The system&apos;s colours</source>
        <translation>使用系统配色</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <extracomment>View &gt; Language&apos;s first entry; the languages themselves are named in their own.</extracomment>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new design</source>
        <translation>新建一个设计</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a layout file</source>
        <translation>打开布局文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名称保存</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Open an NCCL topology file or an InfraGraph as a new design</source>
        <translation>将 NCCL 拓扑文件或 InfraGraph 作为新设计打开</translation>
    </message>
    <message>
        <source>&amp;InfraGraph…</source>
        <translation>&amp;InfraGraph…</translation>
    </message>
    <message>
        <source>Write the shown design as an InfraGraph (ASTRA-sim 3&apos;s infrastructure input)</source>
        <translation>将当前设计写为 InfraGraph（ASTRA-sim 3 的基础设施输入）</translation>
    </message>
    <message>
        <source>&amp;ASTRA-sim Inputs…</source>
        <translation>&amp;ASTRA-sim 输入文件…</translation>
    </message>
    <message>
        <source>Write the shown design&apos;s network and system files for ASTRA-sim 2&apos;s analytical backend</source>
        <translation>为 ASTRA-sim 2 的解析后端写出当前设计的网络和系统文件</translation>
    </message>
    <message>
        <source>Import &amp;Measurements…</source>
        <translation>导入实测数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Draw nccl-tests results over the bandwidth panel&apos;s curves</source>
        <translation>在带宽面板的曲线上绘出 nccl-tests 实测结果</translation>
    </message>
    <message>
        <source>C&amp;lear Measurements</source>
        <translation>清除实测数据(&amp;L)</translation>
    </message>
    <message>
        <source>Remove the loaded nccl-tests results from the bandwidth panel</source>
        <translation>从带宽面板移除已载入的 nccl-tests 结果</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the workbench</source>
        <translation>关闭工作台</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selection</source>
        <translation>剪切所选内容</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selection</source>
        <translation>复制所选内容</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste boxes and groups</source>
        <translation>粘贴方框和分组</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>删除所选内容</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select everything</source>
        <translation>选择全部内容</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>编组(&amp;G)</translation>
    </message>
    <message>
        <source>Put the selection in a new group</source>
        <translation>将所选内容放入新分组</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>取消编组(&amp;N)</translation>
    </message>
    <message>
        <source>Dissolve the selected groups</source>
        <translation>解散所选分组</translation>
    </message>
    <message>
        <source>Co&amp;llapse or Expand Group</source>
        <translation>折叠或展开分组(&amp;L)</translation>
    </message>
    <message>
        <source>Show a group as one box, or open it</source>
        <translation>将分组显示为一个方框，或将其展开</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole design</source>
        <translation>显示整个设计</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to 100 %</source>
        <translation>缩放到 100 %</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Keep boxes on the grid when moving them</source>
        <translation>移动方框时吸附到网格</translation>
    </message>
    <message>
        <source>Link &amp;Heat Overlay</source>
        <translation>链路热力图(&amp;H)</translation>
    </message>
    <message>
        <source>Colour the links by their load under the design&apos;s busiest collective</source>
        <translation>按设计中负载最重的集合通信下的链路负载为链路着色</translation>
    </message>
    <message>
        <source>&amp;Reset Panel Layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>将面板恢复到初始位置</translation>
    </message>
    <message>
        <source>&amp;About Cluster Workbench</source>
        <translation>关于 Cluster Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Duplicate as Scenario</source>
        <translation>复制为新场景(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the shown scenario into a new one, to change and compare</source>
        <translation>把当前场景复制为一个新场景，用于修改和对比</translation>
    </message>
    <message>
        <source>&amp;Rename Scenario…</source>
        <translation>重命名场景(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the shown scenario</source>
        <translation>重命名当前场景</translation>
    </message>
    <message>
        <source>De&amp;lete Scenario</source>
        <translation>删除场景(&amp;L)</translation>
    </message>
    <message>
        <source>Delete the shown scenario</source>
        <translation>删除当前场景</translation>
    </message>
    <message>
        <source>&amp;Next Scenario</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <source>Show the next scenario</source>
        <translation>显示下一个场景</translation>
    </message>
    <message>
        <source>&amp;Previous Scenario</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
        <source>Show the previous scenario</source>
        <translation>显示上一个场景</translation>
    </message>
    <message>
        <source>&amp;Compare Scenarios</source>
        <translation>对比场景(&amp;C)</translation>
    </message>
    <message>
        <source>Every scenario&apos;s headline figures side by side, the best marked</source>
        <translation>并排列出各场景的关键指标，并标出最优值</translation>
    </message>
    <message>
        <source>&amp;Sweep a Setting…</source>
        <translation>参数扫描(&amp;S)…</translation>
    </message>
    <message>
        <source>Vary one setting over a range and plot every headline figure</source>
        <translation>在一个范围内改变某项设置，并绘出各项关键指标</translation>
    </message>
    <message>
        <source>&amp;Present Comparison</source>
        <translation>演示对比结果(&amp;P)</translation>
    </message>
    <message>
        <source>The comparison full screen, for a room (Esc leaves)</source>
        <translation>全屏展示对比结果，用于会议演示（按 Esc 退出）</translation>
    </message>
    <message>
        <source>&amp;Overlay Scenarios in Panels</source>
        <translation>在面板中叠加显示各场景(&amp;O)</translation>
    </message>
    <message>
        <source>Draw every other scenario&apos;s curves and bars in the analysis panels</source>
        <translation>在分析面板中同时绘出其他场景的曲线和柱条</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>A self-contained HTML report comparing the scenarios</source>
        <translation>导出对比各场景的独立 HTML 报告</translation>
    </message>
</context>
<context>
    <name>AnalysisPanels</name>
    <message>
        <source>Saved {path}</source>
        <extracomment>Something to tell the user (a configuration that could not be applied, a file saved).</extracomment>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Apply parallelism</source>
        <translation>应用并行策略</translation>
    </message>
</context>
<context>
    <name>BandwidthPanel</name>
    <message>
        <source>{ranks} × {accelerator}, one rank per accelerator (nccl-tests busbw)</source>
        <translation>{ranks} × {accelerator}，每张加速卡一个 rank（nccl-tests 总线带宽）</translation>
    </message>
    <message>
        <source>Limit at {size}: </source>
        <translation>{size} 时的瓶颈：</translation>
    </message>
</context>
<context>
    <name>BreakdownPanel</name>
    <message>
        <source>{model} on {gpus} × {accelerator}, global batch {batch}, micro-batch {micro}</source>
        <translation>{model}，{gpus} × {accelerator}，全局批大小 {batch}，微批大小 {micro}</translation>
    </message>
    <message>
        <source>; under 1%: {parts}</source>
        <translation>；低于 1%：{parts}</translation>
    </message>
    <message>
        <source>Iteration {time}: {parts}{under}. Communication that overlaps compute is not counted.</source>
        <translation>每次迭代 {time}：{parts}{under}。与计算重叠的通信不计入。</translation>
    </message>
</context>
<context>
    <name>BuyRentView</name>
    <message>
        <source>Cumulative cost ({currency})</source>
        <translation>累计成本（{currency}）</translation>
    </message>
    <message>
        <source>Owning (capex, then energy) against renting {n} accelerators</source>
        <translation>购买（资本支出加电费）与租用 {n} 张加速卡的对比</translation>
    </message>
    <message>
        <source>Owning pays off after {months} months of full use.</source>
        <translation>满负荷使用 {months} 个月后，购买比租用更划算。</translation>
    </message>
    <message>
        <source>Renting never costs more than the energy of owning: no break-even.</source>
        <translation>租用费用始终不高于自有设备的电费：没有盈亏平衡点。</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>{kinds} switch</source>
        <translation>{kinds} 交换机</translation>
    </message>
    <message>
        <source>{ports} × {rate} Gb/s ports</source>
        <translation>{ports} × {rate} Gb/s 端口</translation>
    </message>
    <message>
        <source>{n} per server · {total} total</source>
        <translation>每台服务器 {n} 张 · 共 {total} 张</translation>
    </message>
    <message>
        <source>{n} accelerators</source>
        <translation>{n} 张加速卡</translation>
    </message>
    <message>
        <source>one accelerator</source>
        <translation>1 张加速卡</translation>
    </message>
    <message>
        <source>1 box inside</source>
        <translation>内含 1 个方框</translation>
    </message>
    <message>
        <source>{n} boxes inside</source>
        <translation>内含 {n} 个方框</translation>
    </message>
    <message>
        <source>no accelerators</source>
        <translation>没有加速卡</translation>
    </message>
</context>
<context>
    <name>CanvasBinder</name>
    <message>
        <source>Not used by {collective}</source>
        <extracomment>The user clicked a group&apos;s disclosure triangle: group id. what an edit&apos;s item signals left to redo on its ``changed``: &quot;layout&quot; (all), &quot;links&quot; (placement), &quot;texts&quot; (every box&apos;s figures), &quot;groups&quot; (frame texts)</extracomment>
        <translation>{collective} 未使用此链路</translation>
    </message>
    <message>
        <source>{load:.0%} of this link&apos;s bandwidth in use by {collective}</source>
        <translation>{collective} 占用此链路带宽的 {load:.0%}</translation>
    </message>
</context>
<context>
    <name>CanvasEditor</name>
    <message>
        <source>Drag servers, switches or a template here from the palette,
or open a layout file (Ctrl+O).</source>
        <extracomment>Something to tell the user: a refused edit, a hint. The canvas selection changed. Right click on the canvas: show a context menu at this screen position.</extracomment>
        <translation>从组件库把服务器、交换机或模板拖到这里，
或打开一个布局文件（Ctrl+O）。</translation>
    </message>
    <message>
        <source>Connect {source} {arrow} {target}</source>
        <translation>连接 {source} {arrow} {target}</translation>
    </message>
    <message>
        <source>Select boxes or groups to copy</source>
        <translation>请先选择要复制的方框或分组</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no layout</source>
        <translation>没有可粘贴的内容：剪贴板中没有布局</translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation>粘贴 1 项</translation>
    </message>
    <message>
        <source>Paste {n} items</source>
        <translation>粘贴 {n} 项</translation>
    </message>
    <message>
        <source>Select two or more boxes to align them</source>
        <translation>请选择两个或更多方框再对齐</translation>
    </message>
    <message>
        <source>Select boxes or groups to group them</source>
        <translation>请先选择要编组的方框或分组</translation>
    </message>
    <message>
        <source>Select a group to collapse or expand it</source>
        <translation>请选择一个分组再折叠或展开</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add {item}</source>
        <translation>添加 {item}</translation>
    </message>
    <message>
        <source>Remove {item}</source>
        <translation>移除 {item}</translation>
    </message>
    <message>
        <source>Change {item}</source>
        <translation>修改 {item}</translation>
    </message>
    <message>
        <source>Delete {item}</source>
        <translation>删除 {item}</translation>
    </message>
    <message>
        <source>Delete {n} items</source>
        <translation>删除 {n} 项</translation>
    </message>
    <message>
        <source>Group into {group}</source>
        <translation>编组为 {group}</translation>
    </message>
    <message>
        <source>Ungroup {group}</source>
        <translation>取消编组 {group}</translation>
    </message>
    <message>
        <source>Duplicate {source} as {copy}</source>
        <translation>将 {source} 复制为 {copy}</translation>
    </message>
    <message>
        <source>Delete scenario {name}</source>
        <translation>删除场景 {name}</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>NO (not ranked)</source>
        <translation>否（不参与排名）</translation>
    </message>
    <message>
        <source>hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>cost basis</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>fits in memory</source>
        <translation>显存是否放得下</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{mark} best of the row</source>
        <translation>{mark} 该行最优</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no: not ranked</source>
        <translation>否：不参与排名</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>Fits in memory</source>
        <translation>显存是否放得下</translation>
    </message>
    <message>
        <source>the base scenario, {name}</source>
        <translation>基准场景 {name}</translation>
    </message>
    <message>
        <source>the best of each row</source>
        <translation>每行最优值</translation>
    </message>
    <message>
        <source>{best} best of the row. Differences are relative to {reference}; green is better, red worse; under each figure its 80% band, and &quot;{unclear}&quot; where the best&apos;s band overlaps another&apos;s</source>
        <translation>{best} 为该行最优。差异相对于{reference}；绿色更好，红色更差；每个数值下方为其 80% 区间，最优值的区间与其他值重叠时标注“{unclear}”</translation>
    </message>
    <message>
        <source>{unclear}: its band overlaps {others}&apos;s</source>
        <translation>{unclear}：其区间与 {others} 的区间重叠</translation>
    </message>
    <message>
        <source>; {mark} covers part of the design</source>
        <translation>；{mark} 表示只覆盖设计的一部分</translation>
    </message>
    <message>
        <source>no clear winner</source>
        <translation>无明确优胜者</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>not ranked: the workload does not fit in memory</source>
        <translation>不参与排名：工作负载超出显存</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <source>Comparing…</source>
        <extracomment>Show scenario ``index`` on the canvas (a column header was double-clicked).</extracomment>
        <translation>正在对比…</translation>
    </message>
    <message>
        <source>1 scenario compared in {ms:.0f} ms</source>
        <translation>已对比 1 个场景，耗时 {ms:.0f} ms</translation>
    </message>
    <message>
        <source>{n} scenarios compared in {ms:.0f} ms</source>
        <translation>已对比 {n} 个场景，耗时 {ms:.0f} ms</translation>
    </message>
</context>
<context>
    <name>ComparisonTableView</name>
    <message>
        <source>{name} (shown on the canvas); double-click to show it</source>
        <extracomment>A design&apos;s column header was double-clicked: show that design (its column index).</extracomment>
        <translation>{name}（画布上显示的场景）；双击即可显示</translation>
    </message>
    <message>
        <source>{name}; double-click to show it</source>
        <translation>{name}；双击即可在画布上显示</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>the base scenario</source>
        <extracomment>The differences should be relative to BASE or BEST. Show this design (its column index) on the canvas. The user asked for the full-screen presentation.</extracomment>
        <translation>基准场景</translation>
    </message>
    <message>
        <source>the best of each row</source>
        <translation>每行最优值</translation>
    </message>
    <message>
        <source>What the percentages under each value compare with</source>
        <translation>每个数值下方的百分比相对于哪个参照</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Show the comparison full screen (Esc leaves)</source>
        <translation>全屏显示对比结果（按 Esc 退出）</translation>
    </message>
    <message>
        <source>Differences relative to</source>
        <translation>差异相对于</translation>
    </message>
</context>
<context>
    <name>CostOverTimePanel</name>
    <message>
        <source>Each way of paying from {start} at the plan&apos;s prices; the plan&apos;s own: {chosen}</source>
        <translation>自 {start} 起按方案价格计算的各付款方式；方案自身：{chosen}</translation>
    </message>
    <message>
        <source>owning beats renting by the end of {month}</source>
        <translation>到 {month} 底购买比租用划算</translation>
    </message>
    <message>
        <source>renting costs less than owning all through the plan</source>
        <translation>整个方案期间租用都比购买便宜</translation>
    </message>
    <message>
        <source>no rent to weigh owning against</source>
        <translation>没有可与购买比较的租用价格</translation>
    </message>
    <message>
        <source>Training done {date} ({chosen}); {pays}.</source>
        <translation>训练于 {date} 完成（{chosen}）；{pays}。</translation>
    </message>
    <message>
        <source> Not drawn: {missing}</source>
        <translation> 未绘出：{missing}</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>80%: {range}</source>
        <translation>80%：{range}</translation>
    </message>
    <message>
        <source>extrapolated</source>
        <translation>外推</translation>
    </message>
    <message>
        <source>part of the design</source>
        <translation>设计的一部分</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>假设值</translation>
    </message>
    <message>
        <source>80% band: {range}</source>
        <translation>80% 区间：{range}</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <source> … ({n} in all)</source>
        <translation> …（共 {n} 项）</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Cluster Workbench layouts (*.yaml *.yml);;All files (*)</source>
        <translation>Cluster Workbench 布局 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>New design</source>
        <extracomment>The list of recent files changed. Something to tell the user in the status bar.</extracomment>
        <translation>新设计</translation>
    </message>
    <message>
        <source>Imported {source}: not saved yet</source>
        <translation>已导入 {source}：尚未保存</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Could not open {name}</source>
        <translation>无法打开 {name}</translation>
    </message>
    <message>
        <source>{path} was not opened; the open design is unchanged.</source>
        <translation>未打开 {path}；当前设计保持不变。</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>设计另存为</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{name} has unsaved changes. Save them first?</source>
        <translation>{name} 有未保存的修改。是否先保存？</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>{path} was not written; your changes are still open. Save them elsewhere with File &gt; Save As.</source>
        <translation>未写入 {path}；修改仍保留在窗口中。请用 文件 &gt; 另存为 保存到其他位置。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>FrontPanel</name>
    <message>
        <source>No point of the sweep has both a time to train and a cost.</source>
        <translation>扫描结果中没有同时具有训练时长和成本的点。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pareto front&lt;/b&gt;: {n} of {total} points are faster or cheaper than every other</source>
        <translation>&lt;b&gt;帕累托前沿&lt;/b&gt;：{total} 个点中有 {n} 个在速度或成本上不被其他点超越</translation>
    </message>
</context>
<context>
    <name>Heat</name>
    <message>
        <source>not used</source>
        <translation>未使用</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Peak bf16</source>
        <extracomment>Override key -&gt; (label of context &quot;Inspector&quot;, unit, catalog value of an accelerator or switch spec).</extracomment>
        <translation>bf16 峰值</translation>
    </message>
    <message>
        <source>Peak fp16</source>
        <translation>fp16 峰值</translation>
    </message>
    <message>
        <source>Peak fp8</source>
        <translation>fp8 峰值</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation>显存带宽</translation>
    </message>
    <message>
        <source>Scale-up bandwidth</source>
        <translation>纵向扩展（Scale-up）带宽</translation>
    </message>
    <message>
        <source>Board power</source>
        <translation>板卡功耗</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口数</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>per server</source>
        <translation>/ 服务器</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>identical units this box stands for (before group replicas)</source>
        <translation>此方框代表的相同单元数（不计分组的副本）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Units in the design</source>
        <translation>设计中的单元数</translation>
    </message>
    <message>
        <source>catalog: {value}</source>
        <translation>目录值：{value}</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>目录值</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>交换机</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Catalog values</source>
        <translation>目录参数</translation>
    </message>
    <message>
        <source>Empty fields use the catalog&apos;s value.</source>
        <translation>留空的字段使用目录中的值。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>Torus shape</source>
        <translation>Torus 形状</translation>
    </message>
    <message>
        <source>e.g. 4x4x4: the product is the units it joins</source>
        <translation>例如 4x4x4：乘积等于其连接的单元数</translation>
    </message>
    <message>
        <source>Physical links</source>
        <translation>物理链路数</translation>
    </message>
    <message>
        <source>Bandwidth per unit</source>
        <translation>每单元带宽</translation>
    </message>
    <message>
        <source>{rate} GB/s per direction ({kind})</source>
        <translation>单向 {rate} GB/s（{kind}）</translation>
    </message>
    <message>
        <source>Link: {source} {arrow} {target}</source>
        <translation>链路：{source} {arrow} {target}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>how many times the group&apos;s contents are repeated</source>
        <translation>分组内容重复的次数</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>所属分组</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>已折叠</translation>
    </message>
    <message>
        <source>Boxes inside</source>
        <translation>内含方框数</translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation>分组：{name}</translation>
    </message>
    <message>
        <source>1 box</source>
        <translation>1 个方框</translation>
    </message>
    <message>
        <source>{n} boxes</source>
        <translation>{n} 个方框</translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>1 条链路</translation>
    </message>
    <message>
        <source>{n} links</source>
        <translation>{n} 条链路</translation>
    </message>
    <message>
        <source>1 group</source>
        <translation>1 个分组</translation>
    </message>
    <message>
        <source>{n} groups</source>
        <translation>{n} 个分组</translation>
    </message>
    <message>
        <source>Select a single item to edit it. Arrange lines boxes up; Edit &gt; Group puts them in a group.</source>
        <translation>选择单个项目即可编辑。“排列”可对齐方框；“编辑 &gt; 编组”可将其放入一个分组。</translation>
    </message>
    <message>
        <source>{items} selected</source>
        <translation>已选择 {items}</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Tick to add {settings} settings (at their defaults); untick to leave them out</source>
        <translation>勾选以添加{settings}设置（使用默认值）；取消勾选则不包含</translation>
    </message>
    <message>
        <source>Asks for</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>A design asks for at least one.</source>
        <translation>一个设计至少需要一项。</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>No settings yet: the estimates use no assumptions here.</source>
        <translation>尚无设置：估算在此不使用任何假设。</translation>
    </message>
</context>
<context>
    <name>InspectorBinder</name>
    <message>
        <source>Change {what} of {item}</source>
        <translation>修改 {item} 的{what}</translation>
    </message>
    <message>
        <source>Rename design</source>
        <translation>重命名设计</translation>
    </message>
    <message>
        <source>Change {setting}</source>
        <translation>修改{setting}</translation>
    </message>
</context>
<context>
    <name>InteropController</name>
    <message>
        <source>Import a design</source>
        <extracomment>Something to tell the user in the status bar.</extracomment>
        <translation>导入设计</translation>
    </message>
    <message>
        <source>Could not import {name}</source>
        <translation>无法导入 {name}</translation>
    </message>
    <message>
        <source>{path} was not imported; the open design is unchanged.</source>
        <translation>未导入 {path}；当前设计保持不变。</translation>
    </message>
    <message>
        <source>Which accelerator?</source>
        <translation>使用哪种加速卡？</translation>
    </message>
    <message>
        <source>{problem}

Import its GPUs as:</source>
        <translation>{problem}

将其中的 GPU 导入为：</translation>
    </message>
    <message>
        <source>Export ASTRA-sim inputs into a folder</source>
        <translation>将 ASTRA-sim 输入文件导出到文件夹</translation>
    </message>
    <message>
        <source>Export as an InfraGraph</source>
        <translation>导出为 InfraGraph</translation>
    </message>
    <message>
        <source>Could not export to {target}</source>
        <translation>无法导出为 {target}</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HTML reports (*.html *.htm)</source>
        <extracomment>Said in English whatever the language: without a CJK font Chinese would be boxes.</extracomment>
        <translation>HTML 报告 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Could not export the report</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <source>No report was written; choose another file or folder.</source>
        <translation>未写入报告；请选择其他文件或文件夹。</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>Unsaved changes are not being kept for recovery after a crash. Save the design (File &gt; Save or Save As) to keep them; autosave tries again after each edit and says nothing more until it works.</source>
        <translation>未保存的修改目前无法在崩溃后恢复。请保存设计（文件 &gt; 保存 或 另存为）以保留修改；每次编辑后会再次尝试自动保存，在成功之前不再提示。</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> 对比 </translation>
    </message>
    <message>
        <source>an untitled design</source>
        <translation>一个未命名的设计</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Cluster Workbench closed unexpectedly while {name} had unsaved changes (autosaved {when}). Restore them?</source>
        <translation>Cluster Workbench 意外关闭，当时 {name} 有未保存的修改（自动保存于 {when}）。是否恢复这些修改？</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The autosaved design is damaged.</source>
        <translation>自动保存的设计已损坏。</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <source>{path} no longer exists</source>
        <translation>{path} 已不存在</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>Estimated in {ms:.0f} ms</source>
        <translation>估算耗时 {ms:.0f} ms</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cluster Workbench&lt;/b&gt;&lt;p&gt;Design AI training clusters and see, as you edit, what they can do.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Cluster Workbench&lt;/b&gt;&lt;p&gt;设计 AI 训练集群，边编辑边查看它的能力。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Measurements</name>
    <message>
        <source>Import measurements</source>
        <extracomment>Something to tell the user in the status bar.</extracomment>
        <translation>导入实测数据</translation>
    </message>
    <message>
        <source>Could not read {name}</source>
        <translation>无法读取 {name}</translation>
    </message>
    <message>
        <source>{path} was not loaded.</source>
        <translation>未载入 {path}。</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <source>Fullest pipeline stage, {accelerator} ({capacity} per card; red tick)</source>
        <translation>显存占用最多的流水线阶段，{accelerator}（每卡 {capacity}；红色刻度）</translation>
    </message>
    <message>
        <source>Needs {need} of {have} ({share:.0%}).</source>
        <translation>需要 {need}，共 {have}（{share:.0%}）。</translation>
    </message>
    <message>
        <source>Does not fit: needs {need}, {more} more than the card holds.</source>
        <translation>放不下：需要 {need}，比单卡容量多 {more}。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>排列</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Search hardware and templates…</source>
        <extracomment>An entry was chosen without dragging (double click, Enter): its payload.</extracomment>
        <translation>搜索硬件和模板…</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>交换机</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Collective Bandwidth</source>
        <extracomment>The pipeline&apos;s lanes whose answers the panels draw, in the order they arrive. The scenario name of the open design&apos;s own series (the others are drawn under theirs).</extracomment>
        <translation>集合通信带宽</translation>
    </message>
    <message>
        <source>Collective bus bandwidth against message size</source>
        <translation>集合通信总线带宽随消息大小的变化</translation>
    </message>
    <message>
        <source>nccl-tests busbw over every accelerator of each design; diamonds where the limit changes</source>
        <translation>各设计全部加速卡上的 nccl-tests 总线带宽；菱形标出瓶颈发生变化之处</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>扩展性</translation>
    </message>
    <message>
        <source>Scaling: each design&apos;s block replicated</source>
        <translation>扩展性：复制各设计的基本单元</translation>
    </message>
    <message>
        <source>time to train (left) and MFU (right); stars at the designs as drawn</source>
        <translation>训练时长（左轴）与 MFU（右轴）；星号为当前绘制的设计</translation>
    </message>
    <message>
        <source>Parallel Configurations</source>
        <translation>并行配置</translation>
    </message>
    <message>
        <source>Iteration Time</source>
        <translation>迭代时间</translation>
    </message>
    <message>
        <source>Where an iteration&apos;s time goes</source>
        <translation>一次迭代的时间都花在哪里</translation>
    </message>
    <message>
        <source>each design&apos;s best configuration: compute, bubble, communication nothing hides, optimizer</source>
        <translation>各设计的最优配置：计算、流水线气泡、未被隐藏的通信、优化器</translation>
    </message>
    <message>
        <source>Memory per GPU</source>
        <translation>单卡显存</translation>
    </message>
    <message>
        <source>fullest pipeline stage of each design; red ticks at each card&apos;s capacity</source>
        <translation>各设计中显存占用最多的流水线阶段；红色刻度为单卡容量</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>Serving: throughput per GPU against speed per user</source>
        <translation>推理服务：单卡吞吐与单用户速度</translation>
    </message>
    <message>
        <source>the serving search&apos;s ranked configurations, the frontier no other beats on both, stars at the designs&apos; own</source>
        <translation>推理服务搜索得到的排序配置；前沿线上的配置在两项上都不被其他配置超越；星号为各设计自身的配置</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Owning against renting</source>
        <translation>购买与租用对比</translation>
    </message>
    <message>
        <source>cumulative cost month by month of full use</source>
        <translation>满负荷使用下逐月的累计成本</translation>
    </message>
    <message>
        <source>What one run costs</source>
        <translation>一次训练的成本</translation>
    </message>
    <message>
        <source>each design&apos;s run by what it pays for</source>
        <translation>各设计一次训练的成本构成</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Goodput against the checkpoint interval</source>
        <translation>有效训练时间占比随检查点间隔的变化</translation>
    </message>
    <message>
        <source>Daly&apos;s model at each design&apos;s failure rate; stars at the intervals used</source>
        <translation>按各设计故障率计算的 Daly 模型；星号为所用间隔</translation>
    </message>
    <message>
        <source>Cost over Time</source>
        <translation>成本随时间变化</translation>
    </message>
    <message>
        <source>Cost over time under each plan</source>
        <translation>各方案下成本随时间的变化</translation>
    </message>
    <message>
        <source>cumulative cost of buying, renting and the plan&apos;s phases by month, at the dated prices; the month owning beats renting marked</source>
        <translation>按月累计的购买、租用及方案各阶段成本（按当期价格）；标出购买开始比租用划算的月份</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <source>The seller: margin against the discount</source>
        <translation>卖方：利润率与折扣</translation>
    </message>
    <message>
        <source>margin per accelerator-hour of the fleet by share of hours sold; rings at the break-even discounts, stars at each design&apos;s own</source>
        <translation>按售出时长占比计算的每卡时利润；圆环为盈亏平衡折扣，星号为各设计自身的折扣</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>组件库</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>All Figures</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>估算结果</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Link load: {op} of {size} over {n} accelerators</source>
        <translation>链路负载：{n} 张加速卡上 {size} 的 {op}</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>Could not export {kind}</source>
        <extracomment>The plot (axes included) is never drawn shorter: a shorter dock scrolls instead. A file was written by an export: its path. Each axis&apos;s title as given (source text of context &quot;Plots&quot;), shown translated.</extracomment>
        <translation>无法导出 {kind}</translation>
    </message>
    <message>
        <source>Nothing was written; choose another file or folder.</source>
        <translation>未写入任何内容；请选择其他文件或文件夹。</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>导出 {kind}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save this plot as a picture or its numbers as a table</source>
        <translation>将此图保存为图片，或将其数据保存为表格</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>Message size</source>
        <translation>消息大小</translation>
    </message>
    <message>
        <source>Bus bandwidth (GB/s)</source>
        <translation>总线带宽（GB/s）</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>PNG Image…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>SVG Drawing…</source>
        <translation>SVG 矢量图…</translation>
    </message>
    <message>
        <source>CSV Table…</source>
        <translation>CSV 表格…</translation>
    </message>
    <message>
        <source>compute</source>
        <extracomment>(label, breakdown_s field, colour): the order parts stack in.</extracomment>
        <translation>计算</translation>
    </message>
    <message>
        <source>pipeline bubble</source>
        <translation>流水线气泡</translation>
    </message>
    <message>
        <source>TP comm</source>
        <translation>TP 通信</translation>
    </message>
    <message>
        <source>PP comm</source>
        <translation>PP 通信</translation>
    </message>
    <message>
        <source>DP comm</source>
        <translation>DP 通信</translation>
    </message>
    <message>
        <source>CP comm</source>
        <translation>CP 通信</translation>
    </message>
    <message>
        <source>EP comm</source>
        <translation>EP 通信</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Time per iteration (s)</source>
        <translation>单次迭代时间（s）</translation>
    </message>
    <message>
        <source>buy</source>
        <extracomment>The ways of paying (engine.plan.settings.STRATEGIES) as legends and captions name them.</extracomment>
        <translation>购买</translation>
    </message>
    <message>
        <source>rent</source>
        <translation>租用</translation>
    </message>
    <message>
        <source>break-even</source>
        <translation>盈亏平衡</translation>
    </message>
    <message>
        <source>Months of full use</source>
        <translation>满负荷使用月数</translation>
    </message>
    <message>
        <source>Cumulative cost</source>
        <translation>累计成本</translation>
    </message>
    <message>
        <source>Cost per run</source>
        <translation>单次训练成本</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>optimizer states</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Memory per GPU (GiB)</source>
        <translation>单卡显存（GiB）</translation>
    </message>
    <message>
        <source>goodput</source>
        <translation>有效训练时间占比</translation>
    </message>
    <message>
        <source>days lost</source>
        <translation>损失天数</translation>
    </message>
    <message>
        <source>chosen interval</source>
        <translation>所选间隔</translation>
    </message>
    <message>
        <source>Checkpoint interval</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>Goodput (%)</source>
        <translation>有效训练时间占比（%）</translation>
    </message>
    <message>
        <source>Time lost per run (days)</source>
        <translation>每次训练损失的时间（天）</translation>
    </message>
    <message>
        <source>time to train</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>this design</source>
        <translation>当前设计</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>显存放不下</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>every point</source>
        <translation>全部点</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>Time to train (days)</source>
        <translation>训练时长（天）</translation>
    </message>
    <message>
        <source>MFU (%)</source>
        <translation>MFU（%）</translation>
    </message>
    <message>
        <source>configurations</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>frontier</source>
        <translation>前沿</translation>
    </message>
    <message>
        <source>Output tokens/s per user</source>
        <translation>单用户输出 token/s</translation>
    </message>
    <message>
        <source>Output tokens/s per GPU</source>
        <translation>单卡输出 token/s</translation>
    </message>
    <message>
        <source>owning wins</source>
        <translation>购买胜出</translation>
    </message>
    <message>
        <source>rent-then-buy</source>
        <translation>先租后买</translation>
    </message>
    <message>
        <source>buy-then-sell</source>
        <translation>先买后卖</translation>
    </message>
    <message>
        <source>Month (cumulative by its end)</source>
        <translation>月份（累计到月底）</translation>
    </message>
    <message>
        <source>Discount (% of the list price paid)</source>
        <translation>折扣（支付目录价的 %）</translation>
    </message>
    <message>
        <source>Margin per hour</source>
        <translation>每小时利润</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>{title} - presentation</source>
        <translation>{title} - 演示</translation>
    </message>
    <message>
        <source>the table, continued</source>
        <translation>表格（续）</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>the charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Slide {n} of {count}: {name}. Space or arrows: next; Esc leaves</source>
        <translation>第 {n} / {count} 页：{name}。空格或方向键：下一页；Esc：退出</translation>
    </message>
</context>
<context>
    <name>ReliabilityPanel</name>
    <message>
        <source>Daly&apos;s model at the design&apos;s failure rate, checkpoint write time and restart time</source>
        <translation>按设计的故障率、检查点写入时间和重启时间计算的 Daly 模型</translation>
    </message>
    <message>
        <source>Checkpointing every {interval} keeps {share:.1%} of the time for training (Young&apos;s optimum {young}).</source>
        <translation>每 {interval} 保存一次检查点，可保留 {share:.1%} 的时间用于训练（Young 最优间隔 {young}）。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>What-if comparison: {designs}</source>
        <extracomment>What a report computes: the comparison, then every design&apos;s overlay in the panels.</extracomment>
        <translation>假设分析对比：{designs}</translation>
    </message>
    <message>
        <source>Design report: {design}</source>
        <translation>设计报告：{design}</translation>
    </message>
    <message>
        <source>Headline figures by design</source>
        <translation>各设计的关键指标</translation>
    </message>
    <message>
        <source>Each chart is one headline figure; ★ marks the best, bars are in each design&apos;s colour. Figures every design shares are left out.</source>
        <translation>每张图为一项关键指标；★ 标出最优值，柱条使用各设计的颜色。所有设计相同的指标不予列出。</translation>
    </message>
    <message>
        <source>training {model}</source>
        <translation>训练 {model}</translation>
    </message>
    <message>
        <source>serving {model}</source>
        <translation>推理服务 {model}</translation>
    </message>
    <message>
        <source>Generated {when} by Cluster Workbench {version} from {files}.</source>
        <translation>由 Cluster Workbench {version} 于 {when} 根据 {files} 生成。</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>The designs</source>
        <translation>各设计</translation>
    </message>
    <message>
        <source>Every figure comes from the Cluster Workbench engine; how each is computed, and the sources of its defaults, are in docs/engine.md of the same version ({version}). A dash or n/a means the engine could not estimate the figure for that design; the reason is in the table&apos;s tooltip.</source>
        <translation>所有数值均来自 Cluster Workbench 引擎；各数值的计算方法及默认值来源见同一版本（{version}）的 docs/engine.md。“—”或“无”表示引擎无法为该设计估算此指标，原因见表格的悬停提示。</translation>
    </message>
    <message>
        <source>How far to trust these figures</source>
        <translation>这些数值的可信程度</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Every workload, cost and reliability setting of each design, with its source. The {n} that differ between the designs come first, highlighted; “auto” means the engine chooses (parallelism is searched, prices come from the catalog).</source>
        <translation>各设计的全部工作负载、成本和可靠性设置及其来源。设计之间不同的 {n} 项排在前面并高亮显示；“自动”表示由引擎选择（并行策略通过搜索确定，价格取自目录）。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设条件</translation>
    </message>
</context>
<context>
    <name>RunCostView</name>
    <message>
        <source>Cost per run ({currency})</source>
        <translation>单次训练成本（{currency}）</translation>
    </message>
    <message>
        <source>, {cost} {currency} with failures</source>
        <translation>，计入故障为 {cost} {currency}</translation>
    </message>
    <message>
        <source>One training run, bought hardware</source>
        <translation>一次训练，购买硬件</translation>
    </message>
    <message>
        <source>One training run, rented hardware</source>
        <translation>一次训练，租用硬件</translation>
    </message>
    <message>
        <source>{cost} {currency} per run{with_failures}; basis: {basis} (cost.basis).</source>
        <translation>每次训练 {cost} {currency}{with_failures}；计费方式：{basis}（cost.basis）。</translation>
    </message>
</context>
<context>
    <name>ScalingPanel</name>
    <message>
        <source>{block} × {low} to {high} (the design has {replicas}); same model, tokens and batch</source>
        <translation>{block} × {low} 到 {high}（当前设计为 {replicas}）；模型、token 数和批大小不变</translation>
    </message>
    <message>
        <source>Fixed data parallelism scales with the block; everything else stays.</source>
        <translation>固定的数据并行度随单元扩展，其余不变。</translation>
    </message>
</context>
<context>
    <name>ScenarioTabs</name>
    <message>
        <source>Duplicate the shown scenario as a new one</source>
        <extracomment>Show scenario ``index``. Duplicate scenario ``index`` as a new scenario. Scenario ``index`` should be called ``name``. Delete scenario ``index``.</extracomment>
        <translation>把当前场景复制为一个新场景</translation>
    </message>
    <message>
        <source>{name} (the base: the file&apos;s top-level design). Double-click to rename; right-click for more</source>
        <translation>{name}（基准：文件中的顶层设计）。双击可重命名；右键查看更多操作</translation>
    </message>
    <message>
        <source>{name}. Double-click to rename; right-click for more</source>
        <translation>{name}。双击可重命名；右键查看更多操作</translation>
    </message>
    <message>
        <source>Duplicate as Scenario</source>
        <translation>复制为新场景</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>rank: fastest first, the simpler of equals first</source>
        <extracomment>Headers and tips are source texts of context &quot;Search&quot;; abbreviations stay as written.</extracomment>
        <translation>排名：最快的在前，同等情况下更简单的在前</translation>
    </message>
    <message>
        <source>tensor parallel</source>
        <translation>张量并行</translation>
    </message>
    <message>
        <source>pipeline parallel</source>
        <translation>流水线并行</translation>
    </message>
    <message>
        <source>data parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>context parallel</source>
        <translation>上下文并行</translation>
    </message>
    <message>
        <source>expert parallel</source>
        <translation>专家并行</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批大小</translation>
    </message>
    <message>
        <source>sequences per micro-batch</source>
        <translation>每个微批的序列数</translation>
    </message>
    <message>
        <source>virtual pipeline stages</source>
        <translation>虚拟流水线阶段数</translation>
    </message>
    <message>
        <source>ZeRO stage</source>
        <translation>ZeRO 阶段</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重计算</translation>
    </message>
    <message>
        <source>activation recomputation</source>
        <translation>激活重计算</translation>
    </message>
    <message>
        <source>sequence parallelism</source>
        <translation>序列并行</translation>
    </message>
    <message>
        <source>Iteration (s)</source>
        <translation>迭代（s）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>time to train, without failures</source>
        <translation>训练时长，不计故障</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>显存（GiB）</translation>
    </message>
    <message>
        <source>per GPU, fullest pipeline stage</source>
        <translation>单卡，显存占用最多的流水线阶段</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>accelerators used</source>
        <translation>使用的加速卡数</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>the workload&apos;s current configuration</source>
        <translation>工作负载当前的配置</translation>
    </message>
</context>
<context>
    <name>SearchTable</name>
    <message>
        <source>Search every setting</source>
        <extracomment>The user chose a row: its parallelism as ``Parallelism`` keyword arguments. &quot;Search every setting&quot; was switched: its new state.</extracomment>
        <translation>搜索所有设置</translation>
    </message>
    <message>
        <source>On: search every parallel setting. Off: keep the ones the workload fixes, as the estimate does.</source>
        <translation>开启：搜索所有并行设置。关闭：与估算一致，保留工作负载已固定的设置。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Set the workload&apos;s parallelism to the selected row (undoable)</source>
        <translation>将工作负载的并行策略设为所选行（可撤销）</translation>
    </message>
    <message>
        <source>The {n} fastest of {fitting} configurations that fit ({checked} checked). Double-click one to apply it.</source>
        <translation>在 {fitting} 个放得下的配置中最快的 {n} 个（共检查 {checked} 个）。双击即可应用。</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>被排除：</translation>
    </message>
</context>
<context>
    <name>SellerPanel</name>
    <message>
        <source>Margin per hour ({currency})</source>
        <translation>每小时利润（{currency}）</translation>
    </message>
    <message>
        <source>The buyer pays ({currency} per hour; {whose}list {price})</source>
        <translation>买方支付（{currency} / 小时；{whose}目录价 {price}）</translation>
    </message>
    <message>
        <source>The seller&apos;s margin per accelerator-hour, sold or not; rings: break-even</source>
        <translation>卖方每卡时利润（无论是否售出）；圆环：盈亏平衡</translation>
    </message>
    <message>
        <source>breaks even at {share:.0%} of list</source>
        <translation>在目录价的 {share:.0%} 时盈亏平衡</translation>
    </message>
    <message>
        <source>no discount pays (it would need {share:.0%} of list)</source>
        <translation>任何折扣都不赚钱（需要目录价的 {share:.0%}）</translation>
    </message>
    <message>
        <source>; at this price it needs {share:.0%} of hours sold</source>
        <translation>；按此价格需要售出 {share:.0%} 的时长</translation>
    </message>
    <message>
        <source>; a sold hour does not even pay its energy</source>
        <translation>；售出一小时的收入连电费都不够</translation>
    </message>
    <message>
        <source>The buyer pays {paid} {currency} per accelerator-hour ({discount:.0%} of list); with {sold}, the seller earns {margin} {currency} per accelerator-hour and {pays}{needs}.</source>
        <translation>买方每卡时支付 {paid} {currency}（目录价的 {discount:.0%}）；在 {sold} 时，卖方每卡时赚 {margin} {currency}，{pays}{needs}。</translation>
    </message>
    <message>
        <source>The buyer pays {paid} {currency} per accelerator-hour ({discount:.0%} of list); with {sold}, the seller loses {margin} {currency} per accelerator-hour and {pays}{needs}.</source>
        <translation>买方每卡时支付 {paid} {currency}（目录价的 {discount:.0%}）；在 {sold} 时，卖方每卡时亏 {margin} {currency}，{pays}{needs}。</translation>
    </message>
    <message>
        <source>{share:.0%} of hours sold</source>
        <translation>售出 {share:.0%} 时长</translation>
    </message>
</context>
<context>
    <name>ServingPanel</name>
    <message>
        <source>{model} on {gpus} × {accelerator}: {input} tokens in, {output} out, {scenario}; {n} configurations ranked</source>
        <translation>{model}，{gpus} × {accelerator}：输入 {input} token，输出 {output}，{scenario}；共排序 {n} 个配置</translation>
    </message>
    <message>
        <source>This design: {per_gpu} tokens/s per GPU at {per_user} tokens/s per user ({layout}). Larger batches earn more per GPU and stream slower.</source>
        <translation>当前设计：单卡 {per_gpu} token/s，单用户 {per_user} token/s（{layout}）。批越大，单卡吞吐越高，单用户输出越慢。</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Setting</source>
        <extracomment>Another setting was chosen (its key): the workbench should offer a range. Run: key, start, stop, steps, logarithmic. Open results…: show a results file of ``cluster-workbench sweep``.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Space the values geometrically (each step the same ratio)</source>
        <translation>按等比取值（每一步比例相同）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The sweep&apos;s rows as CSV or Parquet, as the sweep command writes them</source>
        <translation>以 CSV 或 Parquet 格式导出扫描结果，与 sweep 命令的输出相同</translation>
    </message>
    <message>
        <source>Open results…</source>
        <translation>打开结果…</translation>
    </message>
    <message>
        <source>Plot the Pareto front of a results file written by cluster-workbench sweep</source>
        <translation>绘制 cluster-workbench sweep 所写结果文件的帕累托前沿</translation>
    </message>
    <message>
        <source>%v of %m points</source>
        <translation>%v / %m 个点</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <source> (unchanged)</source>
        <translation>（不变）</translation>
    </message>
</context>
<context>
    <name>SweepWindow</name>
    <message>
        <source>Sweep results (*.parquet *.csv)</source>
        <translation>扫描结果 (*.parquet *.csv)</translation>
    </message>
    <message>
        <source>Sweep - {design}</source>
        <translation>参数扫描 - {design}</translation>
    </message>
    <message>
        <source>Sweeping {setting} of {design} over {n} values…</source>
        <translation>正在对 {design} 的 {setting} 扫描 {n} 个取值…</translation>
    </message>
    <message>
        <source>{file}: {points} points over {axes}, {complete} with a time and a cost; {front} on the front</source>
        <translation>{file}：在 {axes} 上共 {points} 个点，其中 {complete} 个同时有时长和成本；{front} 个位于前沿</translation>
    </message>
    <message>
        <source>no axis</source>
        <translation>无坐标轴</translation>
    </message>
    <message>
        <source>Export sweep</source>
        <translation>导出扫描结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Parquet files (*.parquet)</source>
        <translation>CSV 文件 (*.csv);;Parquet 文件 (*.parquet)</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <source>Open sweep results</source>
        <translation>打开扫描结果</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Inventory</source>
        <translation>硬件清单</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>Peak compute</source>
        <translation>峰值算力</translation>
    </message>
    <message>
        <source>PFLOP/s</source>
        <translation>PFLOP/s</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>All-reduce busbw</source>
        <translation>All-reduce 总线带宽</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>a single accelerator: no collective</source>
        <translation>只有一张加速卡：没有集合通信</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Time to train</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training tokens</source>
        <translation>训练 token 数</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>token</translation>
    </message>
    <message>
        <source>Global batch</source>
        <translation>全局批大小</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>条序列</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行策略</translation>
    </message>
    <message>
        <source>Tensor parallel</source>
        <translation>张量并行</translation>
    </message>
    <message>
        <source>Pipeline parallel</source>
        <translation>流水线并行</translation>
    </message>
    <message>
        <source>Data parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>Context parallel</source>
        <translation>上下文并行</translation>
    </message>
    <message>
        <source>Expert parallel</source>
        <translation>专家并行</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批大小</translation>
    </message>
    <message>
        <source>Virtual pipeline stages</source>
        <translation>虚拟流水线阶段数</translation>
    </message>
    <message>
        <source>ZeRO stage</source>
        <translation>ZeRO 阶段</translation>
    </message>
    <message>
        <source>Activation recomputation</source>
        <translation>激活重计算</translation>
    </message>
    <message>
        <source>Sequence parallelism</source>
        <translation>序列并行</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Fused attention (FlashAttention)</source>
        <translation>融合注意力（FlashAttention）</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Overlap data-parallel communication</source>
        <translation>数据并行通信与计算重叠</translation>
    </message>
    <message>
        <source>Overlap tensor-parallel communication</source>
        <translation>张量并行通信与计算重叠</translation>
    </message>
    <message>
        <source>Overlap pipeline sends</source>
        <translation>流水线发送与计算重叠</translation>
    </message>
    <message>
        <source>DualPipe schedule</source>
        <translation>DualPipe 调度</translation>
    </message>
    <message>
        <source>Recompute norms</source>
        <translation>重计算归一化层</translation>
    </message>
    <message>
        <source>Recompute MLA up-projections</source>
        <translation>重计算 MLA 上投影</translation>
    </message>
    <message>
        <source>Recompute FFN activation</source>
        <translation>重计算 FFN 激活</translation>
    </message>
    <message>
        <source>Overlap contention</source>
        <translation>重叠争用</translation>
    </message>
    <message>
        <source>fraction of hidden communication</source>
        <translation>被隐藏通信的比例</translation>
    </message>
    <message>
        <source>SMs reserved for communication</source>
        <translation>通信预留的 SM</translation>
    </message>
    <message>
        <source>SMs</source>
        <translation>个 SM</translation>
    </message>
    <message>
        <source>FP8 GEMM kernels</source>
        <translation>FP8 矩阵乘法内核</translation>
    </message>
    <message>
        <source>Usable memory</source>
        <translation>可用显存</translation>
    </message>
    <message>
        <source>fraction of device memory</source>
        <translation>占显存的比例</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cost per run</source>
        <translation>单次训练成本</translation>
    </message>
    <message>
        <source>Cost per million tokens</source>
        <translation>每百万 token 成本</translation>
    </message>
    <message>
        <source>Capex (buy)</source>
        <translation>资本支出（购买）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>CNY per USD</source>
        <translation>CNY / USD</translation>
    </message>
    <message>
        <source>Rent discount</source>
        <translation>租用折扣</translation>
    </message>
    <message>
        <source>fraction of list paid</source>
        <translation>按目录价的支付比例</translation>
    </message>
    <message>
        <source>Buy or rent</source>
        <translation>购买或租用</translation>
    </message>
    <message>
        <source>Rental terms</source>
        <translation>租用方式</translation>
    </message>
    <message>
        <source>Reserved price</source>
        <translation>预留价格</translation>
    </message>
    <message>
        <source>fraction of on-demand</source>
        <translation>按需价格的比例</translation>
    </message>
    <message>
        <source>Rent price</source>
        <translation>租用价格</translation>
    </message>
    <message>
        <source>USD per accelerator-hour</source>
        <translation>USD / 卡时</translation>
    </message>
    <message>
        <source>Accelerator price</source>
        <translation>加速卡价格</translation>
    </message>
    <message>
        <source>USD per accelerator</source>
        <translation>USD / 卡</translation>
    </message>
    <message>
        <source>Prices as of</source>
        <translation>价格日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Buy as</source>
        <translation>购买形式</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>服务器主机</translation>
    </message>
    <message>
        <source>Switch price</source>
        <translation>交换机价格</translation>
    </message>
    <message>
        <source>USD per 400 Gb/s port</source>
        <translation>USD / 400 Gb/s 端口</translation>
    </message>
    <message>
        <source>Optics and cable</source>
        <translation>光模块与线缆</translation>
    </message>
    <message>
        <source>USD per 400 Gb/s link</source>
        <translation>USD / 400 Gb/s 链路</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>USD per kWh</source>
        <translation>USD / kWh</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>facility power / IT power</source>
        <translation>设施总功率 / IT 功率</translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation>实际功耗</translation>
    </message>
    <message>
        <source>fraction of rated power</source>
        <translation>占额定功率的比例</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>fraction of hours in use</source>
        <translation>使用时长占比</translation>
    </message>
    <message>
        <source>Amortisation</source>
        <translation>折旧年限</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Time with failures</source>
        <translation>计入故障的训练时长</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效训练时间占比</translation>
    </message>
    <message>
        <source>Cost with failures</source>
        <translation>计入故障的成本</translation>
    </message>
    <message>
        <source>Accelerator failures</source>
        <translation>加速卡故障</translation>
    </message>
    <message>
        <source>per million accelerator-hours</source>
        <translation>每百万卡时</translation>
    </message>
    <message>
        <source>Server failures</source>
        <translation>服务器故障</translation>
    </message>
    <message>
        <source>per million server-hours</source>
        <translation>每百万服务器小时</translation>
    </message>
    <message>
        <source>Switch failures</source>
        <translation>交换机故障</translation>
    </message>
    <message>
        <source>per million switch-hours</source>
        <translation>每百万交换机小时</translation>
    </message>
    <message>
        <source>Software failures</source>
        <translation>软件故障</translation>
    </message>
    <message>
        <source>Checkpoint size</source>
        <translation>检查点大小</translation>
    </message>
    <message>
        <source>bytes per parameter</source>
        <translation>字节 / 参数</translation>
    </message>
    <message>
        <source>Checkpoint bandwidth</source>
        <translation>检查点带宽</translation>
    </message>
    <message>
        <source>GB/s per accelerator</source>
        <translation>GB/s / 卡</translation>
    </message>
    <message>
        <source>Checkpoint interval</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Restart time</source>
        <translation>重启时间</translation>
    </message>
    <message>
        <source>Repair time</source>
        <translation>修复时间</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Spare confidence</source>
        <translation>备件置信度</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <source>Seller&apos;s margin per GPU-hour</source>
        <translation>卖方每卡时利润</translation>
    </message>
    <message>
        <source>Break-even discount (of list)</source>
        <translation>盈亏平衡折扣（占目录价）</translation>
    </message>
    <message>
        <source>Break-even hours sold</source>
        <translation>盈亏平衡售出时长</translation>
    </message>
    <message>
        <source>never: a sold hour does not pay its energy</source>
        <translation>永不：售出一小时的收入不够付电费</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>目录价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Hours sold</source>
        <translation>售出时长</translation>
    </message>
    <message>
        <source>fraction of hours</source>
        <translation>时长比例</translation>
    </message>
    <message>
        <source>Depreciation</source>
        <translation>折旧</translation>
    </message>
    <message>
        <source>Staff and upkeep</source>
        <translation>人员与运维</translation>
    </message>
    <message>
        <source>USD per accelerator-year</source>
        <translation>USD / 卡·年</translation>
    </message>
    <message>
        <source>Rented space</source>
        <translation>租用机房</translation>
    </message>
    <message>
        <source>USD per kW of IT power per month</source>
        <translation>USD / kW IT 功率 / 月</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Plan&apos;s cost, net of resale</source>
        <translation>方案成本（扣除转售）</translation>
    </message>
    <message>
        <source>Plan: training done after</source>
        <translation>方案：训练完成时间</translation>
    </message>
    <message>
        <source>Owning beats renting after</source>
        <translation>购买比租用划算的时间点</translation>
    </message>
    <message>
        <source>never within the plan&apos;s horizon</source>
        <translation>在方案规划期内不会</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>规划期</translation>
    </message>
    <message>
        <source>Poisson error of the {failures} interruptions of {run}&apos;s run ({source}) the default rates rest on; a less mature fleet fails several times more often ({other})</source>
        <translation>默认故障率所依据的 {run} 训练中 {failures} 次中断的泊松误差（{source}）；成熟度较低的集群故障频率可高出数倍（{other}）</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>no published power figure for {parts}</source>
        <translation>{parts} 没有公开的功耗数据</translation>
    </message>
    <message>
        <source>no {kind} cloud price for {accelerator} in the catalog: set cost.rent_usd_per_hour (--price-per-gpu-hour) or buy</source>
        <translation>目录中没有 {accelerator} 的 {kind} 云价格：请设置 cost.rent_usd_per_hour（--price-per-gpu-hour）或改为购买</translation>
    </message>
    <message>
        <source>no {section} estimate</source>
        <translation>没有{section}估算</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>residuals of {runs} published measurements of {scope} (ids: {ids}); scale and model size not split further</source>
        <translation>{scope} 的 {runs} 条公开测量的残差（编号：{ids}）；未再按规模和模型大小细分</translation>
    </message>
    <message>
        <source>rests on {assumption}</source>
        <translation>依据 {assumption}</translation>
    </message>
    <message>
        <source>seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>set by the user</source>
        <translation>由用户设定</translation>
    </message>
    <message>
        <source>small messages</source>
        <translation>小消息</translation>
    </message>
    <message>
        <source>the plan times a training run: {reason}</source>
        <translation>计划按一次训练排期：{reason}</translation>
    </message>
    <message>
        <source>the run never finishes: interrupted every {minutes:.3g} minutes, too often to checkpoint and restart</source>
        <translation>训练永远无法完成：每 {minutes:.3g} 分钟中断一次，来不及保存检查点和重启</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>training run</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <source>{accelerator} TDP assumed: {note}</source>
        <translation>{accelerator} 的 TDP 为假设值：{note}</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>{label}: {reason}</source>
        <translation>{label}：{reason}</translation>
    </message>
    <message>
        <source>{precision} weights</source>
        <translation>{precision} 权重</translation>
    </message>
    <message>
        <source>{reason}; latency across servers: {basis}</source>
        <translation>{reason}；跨服务器延迟：{basis}</translation>
    </message>
    <message>
        <source>{reason}; price: {price}</source>
        <translation>{reason}；价格：{price}</translation>
    </message>
    <message>
        <source>{regime}, {what}</source>
        <translation>{regime}，{what}</translation>
    </message>
    <message>
        <source>{section}: {reason}</source>
        <translation>{section}：{reason}</translation>
    </message>
    <message>
        <source>{tier} ({link}{note})</source>
        <translation>{tier}（{link}{note}）</translation>
    </message>
    <message>
        <source>{tier} in-switch reduction</source>
        <translation>{tier} 交换机内归约</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Way of paying</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>servers per week</source>
        <translation>台服务器 / 周</translation>
    </message>
    <message>
        <source>Delayed share</source>
        <translation>延迟交付比例</translation>
    </message>
    <message>
        <source>fraction of servers</source>
        <translation>服务器比例</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Ramp</source>
        <translation>爬坡</translation>
    </message>
    <message>
        <source>Resale</source>
        <translation>转售</translation>
    </message>
    <message>
        <source>fraction of book value</source>
        <translation>账面价值比例</translation>
    </message>
    <message>
        <source>Card price path</source>
        <translation>加速卡价格走势</translation>
    </message>
    <message>
        <source>YYYY-MM:factor, ...</source>
        <translation>YYYY-MM:系数, ...</translation>
    </message>
    <message>
        <source>Rent price path</source>
        <translation>租用价格走势</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>输出吞吐（token/s）</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>token/s</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>首字延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>每 token 输出时间</translation>
    </message>
    <message>
        <source>Cost per million output tokens</source>
        <translation>每百万输出 token 成本</translation>
    </message>
    <message>
        <source>Users served</source>
        <translation>可服务用户数</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token 数</translation>
    </message>
    <message>
        <source>tokens per request</source>
        <translation>token / 请求</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token 数</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Batch per replica</source>
        <translation>每副本批大小</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>requests in flight</source>
        <translation>在途请求</translation>
    </message>
    <message>
        <source>TTFT target</source>
        <translation>首字延迟目标</translation>
    </message>
    <message>
        <source>TPOT target</source>
        <translation>每 token 输出时间目标</translation>
    </message>
    <message>
        <source>Speed per user</source>
        <translation>单用户速度</translation>
    </message>
    <message>
        <source>output tokens/s</source>
        <translation>输出 token/s</translation>
    </message>
    <message>
        <source>KV cache precision</source>
        <translation>KV 缓存精度</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Batching</source>
        <translation>批处理</translation>
    </message>
    <message>
        <source>Token budget per iteration</source>
        <translation>每次迭代 token 预算</translation>
    </message>
    <message>
        <source>Overhead per iteration</source>
        <translation>每次迭代开销</translation>
    </message>
    <message>
        <source>Cache MLA&apos;s latent</source>
        <translation>缓存 MLA 潜向量</translation>
    </message>
    <message>
        <source>Disaggregated prefill and decode</source>
        <translation>预填充与解码分离部署</translation>
    </message>
    <message>
        <source>Variability of request work</source>
        <translation>请求工作量的波动</translation>
    </message>
    <message>
        <source>squared coefficient of variation</source>
        <translation>变异系数的平方</translation>
    </message>
    <message>
        <source>Server p99 TTFT target</source>
        <translation>Server 场景 p99 首字延迟目标</translation>
    </message>
    <message>
        <source>Server p99 TPOT target</source>
        <translation>Server 场景 p99 每 token 输出时间目标</translation>
    </message>
    <message>
        <source>Fastest: cannot tell, no design has a training time.</source>
        <translation>最快：无法判断，没有设计给出训练时长。</translation>
    </message>
    <message>
        <source>Fastest: {design}, {value} {footing}{unclear}.</source>
        <translation>最快：{design}，{value}（{footing}）{unclear}。</translation>
    </message>
    <message>
        <source>Cheapest: cannot tell, no design has a cost per run.</source>
        <translation>最便宜：无法判断，没有设计给出单次训练成本。</translation>
    </message>
    <message>
        <source>Cheapest: {design}, {value} per run {footing} ({basis}){unclear}.</source>
        <translation>最便宜：{design}，每次训练 {value}（{footing}，{basis}）{unclear}。</translation>
    </message>
    <message>
        <source>Most output: {design}, {value} serving{unclear}.</source>
        <translation>吞吐最高：{design}，推理输出 {value}{unclear}。</translation>
    </message>
    <message>
        <source>Cheapest to serve: {design}, {value} per million output tokens{unclear}.</source>
        <translation>推理最便宜：{design}，每百万输出 token {value}{unclear}。</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>rented</source>
        <translation>租用</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>吞吐</translation>
    </message>
    <message>
        <source>; no clear winner on {what}: its band overlaps {others}&apos;s</source>
        <translation>；{what}上没有明确的优胜者：其区间与 {others} 的区间重叠</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <source>counting failures</source>
        <translation>计入故障</translation>
    </message>
    <message>
        <source>without failures</source>
        <translation>不计故障</translation>
    </message>
    <message>
        <source> (only {runs} of {regime})</source>
        <translation>（{regime} 仅有 {runs} 条）</translation>
    </message>
    <message>
        <source> on or before {date}</source>
        <translation>（{date} 或之前）</translation>
    </message>
    <message>
        <source> x an assumed discount of {discount:g}</source>
        <translation> × 假设折扣 {discount:g}</translation>
    </message>
    <message>
        <source>: {used} of {links} mesh links</source>
        <translation>：用到 {links} 条全互联链路中的 {used} 条</translation>
    </message>
    <message>
        <source>NCCL tree limit</source>
        <translation>NCCL tree 上限</translation>
    </message>
    <message>
        <source>NCCL {protocol} limit</source>
        <translation>NCCL {protocol} 上限</translation>
    </message>
    <message>
        <source>across servers</source>
        <translation>跨服务器</translation>
    </message>
    <message>
        <source>assumed default {settings}: set your fleet&apos;s</source>
        <translation>假设的默认值 {settings}：请设为你的集群实际值</translation>
    </message>
    <message>
        <source>calibrated on 1 published measurement</source>
        <translation>以 1 条公开测量校准</translation>
    </message>
    <message>
        <source>calibrated on 1 published run</source>
        <translation>以 1 次公开训练校准</translation>
    </message>
    <message>
        <source>calibrated on {runs} published measurements</source>
        <translation>以 {runs} 条公开测量校准</translation>
    </message>
    <message>
        <source>catalog accelerator prices, assumed: set cost.accelerator_price_usd to your quote</source>
        <translation>目录中的加速卡价格（假设值）：请将 cost.accelerator_price_usd 设为你的报价</translation>
    </message>
    <message>
        <source>catalog list prices{discount}: set cost.rent_usd_per_hour to your quote</source>
        <translation>目录价{discount}：请将 cost.rent_usd_per_hour 设为你的报价</translation>
    </message>
    <message>
        <source>covers {part}</source>
        <translation>仅覆盖 {part}</translation>
    </message>
    <message>
        <source>does not fit: needs {needs:.1f} GiB of {has:.1f} per GPU</source>
        <translation>显存放不下：单卡需要 {needs:.1f} GiB，只有 {has:.1f} GiB</translation>
    </message>
    <message>
        <source>extrapolated</source>
        <translation>外推</translation>
    </message>
    <message>
        <source>inventory</source>
        <translation>硬件清单</translation>
    </message>
    <message>
        <source>large messages</source>
        <translation>大消息</translation>
    </message>
    <message>
        <source>latency ({steps:,} steps)</source>
        <translation>延迟（{steps:,} 步）</translation>
    </message>
    <message>
        <source>level {depth} ({switches})</source>
        <translation>第 {depth} 层（{switches}）</translation>
    </message>
    <message>
        <source>needs a purchase price: {reason}</source>
        <translation>需要购买价格：{reason}</translation>
    </message>
    <message>
        <source>needs the capex: {reason}</source>
        <translation>需要资本支出：{reason}</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>no cost estimate for this design</source>
        <translation>此设计没有成本估算</translation>
    </message>
    <message>
        <source>no list price ({reason}); or set seller.list_usd_per_gpu_hour</source>
        <translation>没有目录价（{reason}）；或设置 seller.list_usd_per_gpu_hour</translation>
    </message>
    <message>
        <source>no price between {start} and {end}: {reason}</source>
        <translation>{start} 至 {end} 之间没有价格：{reason}</translation>
    </message>
    <message>
        <source>no price for {accelerator}{when} in the catalog: set cost.accelerator_price_usd or the node&apos;s price_usd</source>
        <translation>目录中没有 {accelerator}{when} 的价格：请设置 cost.accelerator_price_usd 或该节点的 price_usd</translation>
    </message>
    <message>
        <source>no published {noun} of {regime}{near}: every {runs} residuals of {measured}, no bias assumed, widened by the scatter between their groups&apos; mean errors</source>
        <translation>没有 {regime}{near} 的公开{noun}：取 {measured} 的全部 {runs} 条残差，不假设偏差，并按各组平均误差之间的离散度加宽</translation>
    </message>
    <message>
        <source>no purchase</source>
        <translation>无购买</translation>
    </message>
    <message>
        <source>no rent price</source>
        <translation>没有租用价格</translation>
    </message>
    <message>
        <source>no rental</source>
        <translation>无租用</translation>
    </message>
    <message>
        <source>no training estimate for this design</source>
        <translation>此设计没有训练估算</translation>
    </message>
    <message>
        <source>no training workload</source>
        <translation>没有训练工作负载</translation>
    </message>
    <message>
        <source>no serving workload</source>
        <translation>没有推理服务工作负载</translation>
    </message>
</context>
</TS>
