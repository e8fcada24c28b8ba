package io.firecheck.inspection;

/** Places a building may hold, with the name an officer writes (商业服务网点 is GB 50016 2.1.4's street shop). */
public enum PlaceType {
    HOTEL("旅馆"), SHOP("商店"), MARKET("市场"), ENTERTAINMENT("歌舞娱乐放映游艺场所"), UNDERGROUND_CROWDED("地下人员密集场所"),
    CHILD_ACTIVITY("儿童活动场所"), ELDERLY_CARE("养老服务场所"), HOSPITAL("医院"), LABOUR_INTENSIVE("劳动密集型企业"),
    HAZMAT("易燃易爆危险品场所"), OFFICE("办公场所"), STREET_SHOP("商业服务网点");

    private final String zh;

    PlaceType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
